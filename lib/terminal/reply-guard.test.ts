// The browser's half of "replayed output never makes the client send input", with xterm.js itself
// (its parser and answers run in node): replayed queries go unanswered, live ones are answered.
import { PROTOCOL_VERSION, type ServerMessage } from '@protocol';
import { Terminal } from '@xterm/xterm';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplyGuard } from './reply-guard';

const hello: ServerMessage = {
  type: 'hello',
  protocol: PROTOCOL_VERSION,
  sandbox: 'gaiola-7f3a',
  tab: 0,
  resumed: true,
};
const replayed: ServerMessage = { type: 'replayed' };

/** What xterm.js 6 answers (the OSC colour reports need the browser's renderer: the e2e test has them). */
const QUERIES =
  '\x1b[6n\x1b[?6n\u009b6n\x1b[5n\x1b[c\x1b[>c\x1b[?2004$p\x1b[4$p\x1bP$qm\x1b\\\x1bP$qr\x1b\\\x1b[18t\x1b]11;?\x07';

let term: Terminal;
let guard: ReplyGuard;
let answers: string[];

function setUp(): void {
  // A window report and the title stack allowed (xterm.js's default has none), to see both kinds of CSI t.
  term = new Terminal({
    cols: 80,
    rows: 24,
    allowProposedApi: true,
    windowOptions: { getWinSizeChars: true, pushTitle: true, popTitle: true },
  });
  guard = new ReplyGuard(term);
  answers = [];
  term.onData((d) => answers.push(d));
}

const write = (data: string | Uint8Array) => new Promise<void>((resolve) => guard.write(data, resolve));

afterEach(() => {
  guard.dispose();
  term.dispose();
});

describe('ReplyGuard', () => {
  it('answers nothing while the replay is drawn, and everything live before and after it', async () => {
    setUp();
    await write(QUERIES);
    const live = answers.length;
    expect(live).toBeGreaterThanOrEqual(10);
    answers = [];

    guard.hear(hello);
    await write(new TextEncoder().encode(`$ ${QUERIES}`));
    await write(QUERIES);
    expect(answers).toEqual([]);
    // The screen is still drawn.
    expect(term.buffer.active.getLine(0)?.translateToString(true)).toContain('$');

    guard.hear(replayed);
    await write(QUERIES);
    expect(answers).toHaveLength(live);
  });

  it('answers a query the replay left unfinished and live output completes: the shell still waits for it', async () => {
    setUp();
    guard.hear(hello);
    await write('$ \x1b[6');
    guard.hear(replayed);
    await write('n');
    expect(answers).toEqual(['\x1b[1;3R']);
  });

  it('keeps the answers of a live write that was queued before the replay', async () => {
    setUp();
    // Written, not yet parsed, when hello arrives: it is live output of the connection before.
    const before = write('\x1b[5n');
    guard.hear(hello);
    const during = write('\x1b[5n');
    guard.hear(replayed);
    await Promise.all([before, during]);
    expect(answers).toEqual(['\x1b[0n']);
  });

  it('takes only the queries: a window operation that acts, and a colour that is set, pass', async () => {
    setUp();
    const titles: string[] = [];
    term.onTitleChange((t) => titles.push(t));
    guard.hear(hello);
    await write('\x1b]0;antes\x07\x1b[22;0t\x1b]0;depois\x07\x1b[23;0t\x1b]4;1;#102030\x07');
    expect(titles).toEqual(['antes', 'depois', 'antes']);
    expect(answers).toEqual([]);
  });
});
