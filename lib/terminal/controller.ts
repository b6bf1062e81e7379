// One terminal tab outside React: an xterm Terminal with the fit addon, its connection to the agent,
// copy/paste keys and size tracking. The React leaf creates it once and keeps it for the page's life.
// A chunk of its own with xterm, loaded through ./load-controller.ts, not in the page's first load.
import type { ClientMessage } from '@protocol';
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { PageAgent } from '@/lib/agent/config';
import { sessionSource } from '@/lib/agent/session';
import { copyText, readClipboardText } from '@/lib/clipboard';
import { type ConnectionOptions, type TabStatus, TerminalConnection } from './connection';
import { type LeaveDirection, leaveDirection } from './leave';
import { ReplyGuard } from './reply-guard';
import { registerTerminal, unregisterTerminal } from './test-hook';
import { agentLocation, sessionUrl } from './wire';

export interface TerminalController {
  readonly term: Terminal;
  /** Refit after the tab becomes visible or its box changes. */
  fit(): void;
  copySelection(): Promise<'copied' | 'empty' | 'failed'>;
  paste(text: string): void;
  /**
   * Pastes what `read` resolves to; keys typed while it is pending (an Enter right after clicking
   * Paste) are held and sent after the paste, in the order the student meant. `null` = no clipboard.
   */
  pasteFrom(read: Promise<string | null>): Promise<'pasted' | 'empty' | 'unavailable'>;
  /** `pasteFrom` the clipboard (read at once, in the click that asked); `unavailable`: the page may not read it. */
  pasteClipboard(): Promise<'pasted' | 'empty' | 'unavailable'>;
  focus(): void;
  /** Bytes as if typed (a key of the touch key bar): held behind a pending paste, scrolled to like typing. */
  input(data: string): void;
  /** The program in the terminal asked for application cursor keys (DECCKM): arrows are `ESC O A`. */
  applicationCursor(): boolean;
  /** A control message over this tab's socket; false when the tab is not connected. */
  sendJson(message: ClientMessage): boolean;
  retry(): void;
  /** xterm's screen-reader mode: its rows as a list a screen reader can walk, and new output read out. */
  setScreenReaderMode(on: boolean): void;
  dispose(): void;
}

export interface ControllerOptions {
  readonly tab: number;
  /** The page's agent (lib/agent/config.ts): where the session is asked for. */
  readonly agent: PageAgent;
  readonly newShellBanner: string;
  /** The accessible name of the terminal's input (its tab's name): xterm's own is English. */
  readonly inputLabel: string;
  /** xterm's screen-reader announcement when output is too long to read out, in the page's language. */
  readonly tooMuchOutput: string;
  /** F6 or Shift+F6 in the terminal: the focus is to leave it (lib/terminal/leave.ts); none: xterm keeps them. */
  readonly onLeave?: (direction: LeaveDirection) => void;
  readonly onStatus: (status: TabStatus) => void;
  /** Copy feedback from the keyboard shortcut (the buttons handle their own). */
  readonly onCopy: (result: 'copied' | 'empty' | 'failed') => void;
  /** Control messages from the agent (lesson steps, quiz results, progress), with a reply channel. */
  readonly onMessage?: ConnectionOptions['onMessage'];
  /** Changes typed input before it is sent (the key bar's sticky Ctrl and Alt); none: sent as typed. */
  readonly transformInput?: (data: string) => string;
}

/** A calm dark terminal, the same in light and dark page themes. */
const THEME = {
  background: '#15171c',
  foreground: '#e4e2dc',
  cursor: '#f0c674',
  cursorAccent: '#15171c',
  selectionBackground: '#3d4a5c',
  black: '#1d2026',
  red: '#e06c75',
  green: '#98c379',
  yellow: '#e5c07b',
  blue: '#61afef',
  magenta: '#c678dd',
  cyan: '#56b6c2',
  white: '#d7d5cf',
  brightBlack: '#6b717d',
  brightRed: '#ef8a92',
  brightGreen: '#b5d99c',
  brightYellow: '#f0d49b',
  brightBlue: '#8cc5f5',
  brightMagenta: '#d8a0e8',
  brightCyan: '#7fcdd6',
  brightWhite: '#f4f2ec',
};

/** Same stack as --font-mono in globals.css: fonts the machine already has, nothing downloaded. */
const FONT_FAMILY = '"DejaVu Sans Mono", "Cascadia Mono", "SF Mono", Menlo, Consolas, "Liberation Mono", monospace';
/** Enough history to scroll back through a long `ps` or build log without hoarding memory. */
const SCROLLBACK_LINES = 5000;
/** Longest a pending clipboard read holds typed keys (a permission prompt can wait on the student). */
const HOLD_INPUT_MAX_MS = 3000;
/** A resize storm (splitter drag, window resize) refits once it calms down. */
const FIT_DEBOUNCE_MS = 60;

export function createTerminalController(host: HTMLElement, opts: ControllerOptions): TerminalController {
  const term = new Terminal({
    fontFamily: FONT_FAMILY,
    fontSize: 14,
    lineHeight: 1.15,
    cursorBlink: true,
    scrollback: SCROLLBACK_LINES,
    theme: THEME,
    allowProposedApi: false,
  });
  const fitAddon = new FitAddon();
  term.loadAddon(fitAddon);
  // xterm's own strings are English and global (Terminal.strings): its input takes its name at open, so each
  // terminal sets them just before, in the same task.
  Terminal.strings.promptLabel = opts.inputLabel;
  Terminal.strings.tooMuchOutput = opts.tooMuchOutput;
  term.open(host);
  // Agent output goes through the guard: a replayed screen's queries are not answered again.
  const guard = new ReplyGuard(term);

  const agent = agentLocation(window.location, opts.agent);
  const connection = new TerminalConnection({
    tab: opts.tab,
    agent,
    sink: guard,
    sessions: sessionSource(sessionUrl(agent)),
    onStatus: opts.onStatus,
    newShellBanner: opts.newShellBanner,
    onMessage: (message, reply) => {
      guard.hear(message);
      opts.onMessage?.(message, reply);
    },
  });

  const copySelection = async (): Promise<'copied' | 'empty' | 'failed'> => {
    const text = term.getSelection();
    if (!text) return 'empty';
    const ok = await copyText(text);
    term.focus();
    return ok ? 'copied' : 'failed';
  };

  term.attachCustomKeyEventHandler((event) => {
    const leave = opts.onLeave ? leaveDirection(event) : null;
    if (leave) {
      event.preventDefault();
      opts.onLeave?.(leave);
      return false;
    }
    if (event.type !== 'keydown' || event.altKey || event.metaKey || !event.ctrlKey) return true;
    const key = event.key.toLowerCase();
    if (key === 'c' && (event.shiftKey || term.hasSelection())) {
      // Ctrl+Shift+C, or Ctrl+C over a selection, copies; Ctrl+C alone stays ^C.
      event.preventDefault();
      void copySelection().then((result) => {
        if (!event.shiftKey && result === 'copied') term.clearSelection();
        opts.onCopy(result);
      });
      return false;
    }
    if (key === 'v') {
      // Ctrl+V and Ctrl+Shift+V: let the browser fire its paste event, which xterm turns into input
      // (bracketed when the shell asks for it).
      return false;
    }
    return true;
  });

  // Keys typed while a clipboard read is pending; null when nothing is pending.
  let held: string[] | null = null;
  const release = () => {
    const keys = held ?? [];
    held = null;
    for (const data of keys) connection.sendInput(data);
  };
  const pasteFrom = async (read: Promise<string | null>): Promise<'pasted' | 'empty' | 'unavailable'> => {
    held ??= [];
    const timer = setTimeout(release, HOLD_INPUT_MAX_MS);
    let text: string | null = null;
    try {
      text = await read;
    } finally {
      clearTimeout(timer);
      const keys = held ?? [];
      held = null;
      if (text) term.paste(text);
      for (const data of keys) connection.sendInput(data);
      term.focus();
    }
    return text === null ? 'unavailable' : text ? 'pasted' : 'empty';
  };

  const disposables = [
    term.onData((typed) => {
      const data = opts.transformInput ? opts.transformInput(typed) : typed;
      if (held) held.push(data);
      else connection.sendInput(data);
    }),
    term.onBinary((data) => connection.sendBinary(data)),
    term.onResize(() => connection.resize()),
  ];

  const refit = () => {
    // A hidden or collapsed box has no size to fit to; fit again when it is shown.
    if (host.clientWidth === 0 || host.clientHeight === 0) return;
    try {
      fitAddon.fit();
    } catch {
      // The renderer is not measurable yet (fonts loading); the next resize fits.
    }
  };
  let fitTimer: ReturnType<typeof setTimeout> | null = null;
  const observer = new ResizeObserver(() => {
    if (fitTimer) clearTimeout(fitTimer);
    fitTimer = setTimeout(refit, FIT_DEBOUNCE_MS);
  });
  observer.observe(host);
  refit();

  registerTerminal(opts.tab, term);
  connection.start();

  return {
    term,
    fit: refit,
    copySelection,
    paste: (text) => {
      term.paste(text);
      term.focus();
    },
    pasteFrom,
    pasteClipboard: () => pasteFrom(readClipboardText()),
    focus: () => term.focus(),
    input: (data) => term.input(data, true),
    applicationCursor: () => term.modes.applicationCursorKeysMode,
    sendJson: (message) => connection.sendJson(message),
    retry: () => connection.retryNow(),
    setScreenReaderMode: (on) => {
      term.options.screenReaderMode = on;
    },
    dispose: () => {
      if (fitTimer) clearTimeout(fitTimer);
      observer.disconnect();
      for (const d of disposables) d.dispose();
      connection.dispose();
      guard.dispose();
      unregisterTerminal(opts.tab, term);
      term.dispose();
    },
  };
}
