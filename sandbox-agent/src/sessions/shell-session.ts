// One shell of a sandbox (one terminal tab): the pty, the bytes it printed lately, and the one browser
// connection attached to it. Flow control follows VS Code's terminal: the pty is paused while more than
// FLOW_HIGH_WATERMARK bytes read from it are not yet acknowledged by the browser (those waiting in the batch
// count: the pause comes before they are copied or sent), and resumed below the low watermark. A flood costs
// no memory it keeps making (issue 18): the pty is read into one buffer, each read copied into one of a few
// frames reused once sent, and the replay buffer is a ring of its own.

import type { ShellPty } from '../kernel/pty-reader';
import type { ServerMessage } from '../protocol';
import { FLOW_HIGH_WATERMARK, FLOW_LOW_WATERMARK } from '../protocol';
import { OutputFrames } from './output-frames';
import { PromptMarkerFilter } from './prompt-marker-filter';
import { ReplayBuffer } from './replay-buffer';

/**
 * Output after a quiet moment (a key's echo, a prompt) is sent at once; what follows within this long is
 * gathered and sent when it ends: fewer, larger frames during a flood, and no wait for an echo (issue 18: a
 * wait for every first read was most of the echo's time, 5 of 6 ms, more than the relay hop ever cost).
 */
const OUTPUT_BATCH_MS = 5;
/** …or until this many bytes are waiting. */
const OUTPUT_BATCH_BYTES = 32 * 1024;
/**
 * Frames kept for reuse: the flow-control window (FLOW_HIGH_WATERMARK) in batches, plus the one filling. A
 * flood never has more in flight at once; an idle shell has one, of which only the pages its prompt touched.
 */
const SPARE_FRAMES = FLOW_HIGH_WATERMARK / OUTPUT_BATCH_BYTES + 1;
/** What a reconnecting tab gets redrawn: a few screens of output. */
const REPLAY_BYTES = 64 * 1024;
/**
 * The terminal counts as quiet after input when nothing was printed for this long: long enough for a
 * command's output to settle, short enough that a step turns green while the student still looks.
 */
const QUIET_AFTER_INPUT_MS = 400;

/** What the lesson engine wants to hear from a shell: moments worth a check run. */
export interface ShellActivity {
  /** The shell printed its prompt (the marker in PS1). */
  prompt(): void;
  /** Output went quiet after the student typed something. */
  quietAfterInput(): void;
}

export interface ShellClient {
  /** Terminal bytes; `sent` is called once they are written out (or dropped), after which they may change. */
  sendOutput(bytes: Buffer, sent?: () => void): void;
  /** A control message (steps, quiz results, progress…). */
  send(msg: ServerMessage): void;
  sendExit(exitCode: number, signal: number | undefined): void;
  /** Closes the connection with an application close code (4000–4999). */
  close(code: number): void;
}

/**
 * A read-only view of the shell (an instructor's look, issue 20): the same screen and scrollback as the tab, at
 * its size. A watcher never holds back the shell (it is outside flow control) and copies what it sends.
 */
export interface ShellWatcher {
  /** The shell's size, on watching and on each resize. */
  resized(cols: number, rows: number): void;
  /** Output (the replay first), valid only during the call: the frame is reused once the tab sent it. */
  output(bytes: Buffer): void;
  /** The shell exited: nothing more comes. */
  exited(): void;
}

export class ShellSession {
  private client: ShellClient | undefined;
  private readonly watchers = new Set<ShellWatcher>();
  /** The pty's size as last set: a watcher draws at it. */
  private size = { cols: 80, rows: 24 };
  private readonly replay = new ReplayBuffer(REPLAY_BYTES);
  private readonly frames = new OutputFrames(OUTPUT_BATCH_BYTES, SPARE_FRAMES);
  /** Set while a batch is open: output then waits for its end instead of going at once. */
  private batchTimer: NodeJS.Timeout | undefined;
  private unacked = 0;
  private paused = false;
  private exitInfo: { exitCode: number; signal: number | undefined } | undefined;
  private readonly exitListeners: (() => void)[] = [];
  private readonly markers = new PromptMarkerFilter();
  private quietTimer: NodeJS.Timeout | undefined;
  private awaitingQuiet = false;
  private killed = false;

  constructor(
    private readonly pty: ShellPty,
    private readonly activity?: ShellActivity,
  ) {
    pty.onData((data: string | Buffer) => this.onOutput(typeof data === 'string' ? Buffer.from(data, 'utf8') : data));
    pty.onExit(({ exitCode, signal }) => {
      this.flush();
      if (this.batchTimer) clearTimeout(this.batchTimer);
      if (this.quietTimer) clearTimeout(this.quietTimer);
      this.exitInfo = { exitCode, signal: signal || undefined };
      this.client?.sendExit(exitCode, signal || undefined);
      for (const w of this.watchers) w.exited();
      this.watchers.clear();
      for (const l of this.exitListeners) l();
    });
    // Nobody is attached yet: hold the shell until a tab is.
    this.setPaused(true);
  }

  get pid(): number {
    return this.pty.pid;
  }

  get exited(): boolean {
    return this.exitInfo !== undefined;
  }

  get attached(): boolean {
    return this.client !== undefined;
  }

  onExit(listener: () => void): void {
    if (this.exitInfo) listener();
    else this.exitListeners.push(listener);
  }

  /** Attaches a browser connection; a connection already attached is told it was replaced. */
  attach(client: ShellClient): void {
    const previous = this.client;
    this.client = client;
    if (previous) previous.close(4009);
    this.flush();
    const replay = this.replay.contents();
    this.unacked = 0;
    if (replay.length > 0) this.send(replay);
    // Whatever comes after is live: the browser answers its queries again.
    client.send({ type: 'replayed' });
    this.updatePause();
  }

  /**
   * Starts a read-only view: its size, the recent output (as a reconnecting tab gets it), then what comes. Returns
   * the function that stops it.
   */
  watch(watcher: ShellWatcher): () => void {
    if (this.exitInfo || this.killed) {
      watcher.exited();
      return () => {};
    }
    this.flush();
    this.watchers.add(watcher);
    watcher.resized(this.size.cols, this.size.rows);
    const replay = this.replay.contents();
    if (replay.length > 0) watcher.output(replay);
    return () => {
      this.watchers.delete(watcher);
    };
  }

  detach(client: ShellClient): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.unacked = 0;
    // A detached shell is paused: a `yes` left running in a closed tab must not spin the CPU for nobody.
    this.setPaused(true);
  }

  input(bytes: Buffer): void {
    // Once killed, the pty's fd may already be closed: a write would only fail (EBADF).
    if (this.exitInfo || this.killed) return;
    this.pty.write(bytes);
    this.awaitingQuiet = true;
    this.restartQuietTimer();
  }

  resize(cols: number, rows: number): void {
    if (this.exitInfo || this.killed) return;
    this.pty.resize(cols, rows);
    if (cols === this.size.cols && rows === this.size.rows) return;
    this.size = { cols, rows };
    for (const w of this.watchers) w.resized(cols, rows);
  }

  ack(bytes: number): void {
    this.unacked = Math.max(0, this.unacked - bytes);
    this.updatePause();
  }

  kill(): void {
    this.killed = true;
    if (this.batchTimer) clearTimeout(this.batchTimer);
    if (this.quietTimer) clearTimeout(this.quietTimer);
    if (this.exitInfo) return;
    try {
      // SIGHUP, as a closing terminal would: the launcher then kills and reaps its shell. A SIGKILLed one
      // would leave the shell's zombie to the host's init, holding the pid namespace open.
      this.pty.kill('SIGHUP');
    } catch {
      // already gone
    }
  }

  private restartQuietTimer(): void {
    if (!this.activity || !this.awaitingQuiet) return;
    if (this.quietTimer) clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(() => {
      this.quietTimer = undefined;
      this.awaitingQuiet = false;
      this.activity?.quietAfterInput();
    }, QUIET_AFTER_INPUT_MS);
  }

  private onOutput(raw: Buffer): void {
    const { out: chunk, markers } = this.markers.push(raw);
    if (markers > 0) this.activity?.prompt();
    this.restartQuietTimer();
    if (chunk.length === 0) return;
    // The chunk may be the pty's read buffer, which the next read fills again: copied now, into the frame.
    for (let from = 0; from < chunk.length; ) {
      from += this.frames.append(chunk, from);
      if (this.frames.full) this.flush();
    }
    // Past the high watermark the pty stops being read now, before the next read is copied or sent.
    this.updatePause();
    if (this.frames.pending > 0 && !this.batchTimer) {
      this.flush();
      this.openBatch();
    }
  }

  /** Gathers output for OUTPUT_BATCH_MS; at its end what was gathered is sent, and the next batch opens. */
  private openBatch(): void {
    this.batchTimer = setTimeout(() => {
      this.batchTimer = undefined;
      if (this.frames.pending === 0 || this.killed) return;
      this.flush();
      this.openBatch();
    }, OUTPUT_BATCH_MS);
  }

  private flush(): void {
    const frame = this.frames.take();
    if (!frame) return;
    this.replay.push(frame.bytes);
    for (const w of this.watchers) w.output(frame.bytes);
    if (this.client) this.send(frame.bytes, frame.release);
    else frame.release();
  }

  private send(bytes: Buffer, sent?: () => void): void {
    if (this.client) this.client.sendOutput(bytes, sent);
    else sent?.();
    this.unacked += bytes.length;
    this.updatePause();
  }

  private updatePause(): void {
    const inFlight = this.unacked + this.frames.pending;
    if (!this.client) this.setPaused(true);
    else if (!this.paused && inFlight > FLOW_HIGH_WATERMARK) this.setPaused(true);
    else if (this.paused && inFlight < FLOW_LOW_WATERMARK) this.setPaused(false);
  }

  private setPaused(paused: boolean): void {
    if (this.paused === paused || this.exitInfo) return;
    this.paused = paused;
    if (paused) this.pty.pause();
    else this.pty.resume();
  }
}
