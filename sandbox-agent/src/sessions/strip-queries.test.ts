// The replay's query stripper, judged by the terminal the browser runs: xterm.js 6 itself, here in node
// (its parser and answers need no DOM). What it answers to the original, it must not answer to the
// stripped bytes, and both must draw the same screen.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Terminal } from '@xterm/xterm';
import { describe, expect, it } from 'vitest';
import { stripTerminalQueries } from './strip-queries';

/** What xterm answers to `bytes` (its onData), and the screen and cursor it draws. */
async function run(bytes: Buffer): Promise<{ answers: string[]; screen: string; title: string }> {
  const term = new Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  const answers: string[] = [];
  let title = '';
  term.onData((d) => answers.push(d));
  term.onTitleChange((t) => {
    title = t;
  });
  await new Promise<void>((resolve) => term.write(new Uint8Array(bytes), resolve));
  const buffer = term.buffer.active;
  const lines: string[] = [];
  for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
  const screen = `${lines.join('\n').trimEnd()}\n@${buffer.cursorX},${buffer.cursorY}`;
  term.dispose();
  return { answers, screen, title };
}

const b = (s: string) => Buffer.from(s, 'utf8');
const ESC = '\x1b';

/**
 * Every query of protocol/terminal-queries.ts, written as programs write them (7-bit ESC, and the 8-bit
 * CSI U+009B in UTF-8 that xterm.js also takes), each ended every way it may be.
 */
const QUERIES = [
  '\x1b[6n',
  '\x1b[?6n',
  '\u009b6n',
  '\x1b[5n',
  '\x1b[c',
  '\x1b[0c',
  '\x1b[>c',
  '\x1b[>0c',
  '\x1b[=c',
  '\x1b[14t',
  '\x1b[14;2t',
  '\x1b[16t',
  '\x1b[18t',
  '\x1b[21t',
  '\x1b[?2004$p',
  '\x1b[4$p',
  '\x1bP$qm\x1b\\',
  '\x1bP$qr\u009c',
  '\x1bP$q q\x1b\\',
  '\x1bP+q544e\x1b\\',
  '\x1b[>q',
  '\x1b[>0q',
  '\x1b]4;1;?\x07',
  '\x1b]4;1;?;2;?\x1b\\',
  '\x1b]10;?\x07',
  '\x1b]11;?\x1b\\',
  '\x1b]12;?\u009c',
  '\x1b]52;c;?\x07',
  '\u009d11;?\x07',
];

describe('stripTerminalQueries', () => {
  it('removes the cursor position queries of a recorded BusyBox session inside bash, and nothing else', async () => {
    // Recorded from a pty: bash (bracketed paste on), BusyBox's sh started in it, `echo olá`, exit, exit.
    const recorded = readFileSync(path.join(import.meta.dirname, 'fixtures', 'busybox-in-bash.bin'));
    expect(recorded.includes(b('\x1b[6n'))).toBe(true);
    const stripped = stripTerminalQueries(recorded);
    expect(stripped.toString('utf8')).toBe(recorded.toString('utf8').replaceAll('\x1b[6n', ''));
    const [before, after] = await Promise.all([run(recorded), run(stripped)]);
    expect(before.answers.filter((a) => a.startsWith(`${ESC}[`) && a.endsWith('R'))).toHaveLength(2);
    expect(after.answers).toEqual([]);
    expect(after.screen).toBe(before.screen);
  });

  it.each(QUERIES)('removes %j whole, between text', async (query) => {
    const input = b(`antes ${query}depois`);
    const stripped = stripTerminalQueries(input);
    expect(stripped.toString('utf8')).toBe('antes depois');
    const [before, after] = await Promise.all([run(input), run(stripped)]);
    expect(after.answers).toEqual([]);
    expect(after.screen).toBe(before.screen);
  });

  it('leaves the queries xterm.js answers unanswered, all in one stream', async () => {
    const input = b(`$ ${QUERIES.join('')}$ `);
    expect((await run(input)).answers.length).toBeGreaterThan(10);
    expect((await run(stripTerminalQueries(input))).answers).toEqual([]);
  });

  it('keeps what only looks like a query, and what sets instead of asking', () => {
    for (const kept of [
      '\x1b[1;31mred\x1b[0m',
      '\x1b[?2004h',
      '\x1b[22;0t', // the title stack: acts, answers nothing
      '\x1b]0;title\x07',
      '\x1b]11;#15171c\x07', // sets the background
      '\x1b]6973;P\x07',
      '\x1bP1$r0m\x1b\\', // an answer printed back (cat of a log), not a request
      '\x1b[ q', // cursor style
      '[6n', // no ESC: text
      '\x1b[6', // unfinished at the end: the shell still waits for its answer
      '\x1b]11;?', // the same for an unterminated OSC
    ]) {
      const input = b(`a${kept}`);
      expect(stripTerminalQueries(input), JSON.stringify(kept)).toBe(input);
    }
  });

  it('keeps the controls executed inside a query, and ends what the query interrupted', async () => {
    for (const input of [
      '\x1b[6\nn', // a line feed inside the CSI still moves the cursor
      'x\x1b]0;title\x1b[6nmore', // the ESC of the query ended the OSC: the title is set, "more" is text
      '\x1b[1;3\x1b[5ny', // the query's ESC cut the unfinished CSI: no `CSI 1;35n`… to invent
      '\x1b]2;t\u009b6nz', // an 8-bit CSI abandons the OSC: no title
      '\x1bP1$r\x1b[cq', // ESC unhooks the DCS, then DA1
      '\x1b]11;?\x1b[6n\x1b\\', // two queries in a row, the second inside the first's terminator
      '\x1b[6n\x1b[6n\x1b[6n',
      '\x1b\x1b[6n',
      '\x1b[>\x1b]10;?\x07',
    ]) {
      const bytes = b(input);
      const [before, after] = await Promise.all([run(bytes), run(stripTerminalQueries(bytes))]);
      expect(after.answers, JSON.stringify(input)).toEqual([]);
      expect(after.screen, JSON.stringify(input)).toBe(before.screen);
      expect(after.title, JSON.stringify(input)).toBe(before.title);
    }
  });

  it('reads UTF-8 as xterm.js does: a C1 CSI only as a whole character, invalid bytes skipped', async () => {
    // C2 9B is U+009B, a CSI; a lone 9B byte, or one after a broken sequence, is skipped and not a CSI.
    const cases = [
      Buffer.from([0x41, 0xc2, 0x9b, 0x36, 0x6e, 0x42]),
      Buffer.from([0x9b, 0x36, 0x6e]),
      Buffer.from([0xe2, 0x9b, 0x36, 0x6e]),
      Buffer.from([0xc0, 0x9b, 0x1b, 0x5b, 0x36, 0x6e]),
      Buffer.from([0xf0, 0x9f, 0x98, 0x1b, 0x5b, 0x63]),
      Buffer.from([0xef, 0xbb, 0xbf, 0x1b, 0x5b, 0x35, 0x6e]),
      Buffer.concat([b('olá '), Buffer.from([0xc2])]),
    ];
    for (const bytes of cases) {
      const [before, after] = await Promise.all([run(bytes), run(stripTerminalQueries(bytes))]);
      expect(after.answers, bytes.toString('hex')).toEqual([]);
      expect(after.screen, bytes.toString('hex')).toBe(before.screen);
    }
  });

  it('never leaves an answerable query, and never changes the screen, in random streams', async () => {
    // Streams of pieces that meet in every order: queries, their fragments, strings, controls and
    // broken UTF-8. A fixed seed: the same streams every run.
    const pieces = [
      ...QUERIES,
      'texto ',
      'olá ',
      '\r\n',
      '\n',
      '\x07',
      '\x08',
      '\t',
      '\x1b',
      '\x1b[',
      '\x1b[1',
      ';',
      '?',
      '>',
      '$',
      'n',
      'c',
      'p',
      't',
      'q',
      '\x1b]',
      '\x1b]0;título',
      '\x1b]11;',
      '\x1bP',
      '\x1bP$q',
      '\x1b\\',
      '\x1bX',
      '\x18',
      '\x1a',
      '\x7f',
      '\u009b',
      '\u009c',
      '\u0090',
      '\u009d',
      '\u0085',
      '\x1b[2J',
      '\x1b[H',
      '\x1b[31m',
      '\x1b(0',
      '\x1b#8',
    ];
    let seed = 0x9e3779b9;
    const random = () => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 2 ** 32;
    };
    const raw = [0x80, 0x9b, 0xc2, 0xe2, 0xf0, 0xff, 0xbf];
    for (let n = 0; n < 400; n++) {
      const parts: Buffer[] = [];
      const count = 1 + Math.floor(random() * 12);
      for (let k = 0; k < count; k++) {
        parts.push(
          random() < 0.08
            ? Buffer.from([raw[Math.floor(random() * raw.length)] as number])
            : b(pieces[Math.floor(random() * pieces.length)] as string),
        );
      }
      const bytes = Buffer.concat(parts);
      const stripped = stripTerminalQueries(bytes);
      const [before, after] = await Promise.all([run(bytes), run(stripped)]);
      expect(after.answers, bytes.toString('hex')).toEqual([]);
      expect(after.screen, bytes.toString('hex')).toBe(before.screen);
      expect(after.title, bytes.toString('hex')).toBe(before.title);
    }
  });
});
