// A reconnecting tab's terminal redraws the replay of the shell's recent output; the terminal queries in
// it (protocol/terminal-queries.ts) were asked long ago and must not be answered again into the live
// shell. The agent already strips them from the replay; this is the browser's half of the defence:
// while xterm parses replayed bytes, handlers placed before xterm's own take every query and answer
// nothing. Outside the replay they step aside and xterm answers as usual (BusyBox's line editor needs
// its cursor position report).
import { CSI_QUERIES, DCS_QUERIES, isOscQuery, OSC_QUERY_IDS, type ServerMessage } from '@protocol';
import type { IDisposable, Terminal } from '@xterm/xterm';
import type { TerminalSink } from './connection';

/** What the guard needs of xterm's Terminal (its parser hooks and its writes). */
type GuardedTerminal = Pick<Terminal, 'parser' | 'write' | 'cols' | 'rows'>;

function firstParam(params: (number | number[])[]): number {
  const first = params[0];
  return (Array.isArray(first) ? first[0] : first) ?? 0;
}

export class ReplyGuard implements TerminalSink {
  /** Between `hello` and `replayed`: the binary frames written are the replay. */
  private inReplay = false;
  /** While xterm parses replayed bytes. */
  private parsing = false;
  private readonly hooks: IDisposable[];

  constructor(private readonly term: GuardedTerminal) {
    const { parser } = term;
    // Handlers registered later run first; `true` means handled (xterm's own answer is skipped).
    this.hooks = [
      ...CSI_QUERIES.map((q) =>
        parser.registerCsiHandler(
          { prefix: q.prefix || undefined, intermediates: q.intermediates || undefined, final: q.final },
          (params) => this.parsing && (q.firstParams === undefined || q.firstParams.includes(firstParam(params))),
        ),
      ),
      ...DCS_QUERIES.map((q) =>
        parser.registerDcsHandler({ intermediates: q.intermediates, final: q.final }, () => this.parsing),
      ),
      ...[...OSC_QUERY_IDS].map((id) => parser.registerOscHandler(id, (data) => this.parsing && isOscQuery(id, data))),
    ];
  }

  get cols(): number {
    return this.term.cols;
  }

  get rows(): number {
    return this.term.rows;
  }

  /** Every control message of the tab's connection, in order with its binary frames. */
  hear(message: ServerMessage): void {
    if (message.type === 'hello') this.inReplay = true;
    else if (message.type === 'replayed') this.inReplay = false;
  }

  write(data: string | Uint8Array, callback?: () => void): void {
    if (!this.inReplay) {
      this.term.write(data, callback);
      return;
    }
    // xterm parses writes in order, each whole before the next, and calls a write's callback right after
    // parsing it: the empty write's callback runs just before the replayed chunk is parsed.
    this.term.write('', () => {
      this.parsing = true;
    });
    this.term.write(data, () => {
      this.parsing = false;
      callback?.();
    });
  }

  dispose(): void {
    for (const hook of this.hooks) hook.dispose();
  }
}
