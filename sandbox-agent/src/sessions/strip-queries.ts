// Removes terminal queries (protocol/terminal-queries.ts) from a replay, so a reconnecting tab's new
// xterm redraws the screen without answering, into the live shell, questions asked long ago.
//
// The bytes are read as the browser's xterm.js 6 reads them, from its initial state: UTF-8 decoded as
// its Utf8ToUtf32 does (8-bit C1 controls such as U+009B CSI count, invalid bytes are skipped) and
// every code point fed through the same state machine as its EscapeSequenceParser (VT500_TRANSITION_TABLE:
// ESC, CAN and SUB interrupt anything, an OSC ends on BEL, ESC or ST, a DCS on ESC or ST, a stray
// non-ASCII character inside a CSI drops it). A query is cut out only once its final byte (CSI) or its
// terminator (OSC, DCS) is seen: one left unfinished at the end stays, as the shell is still waiting
// for its answer.
import { isCsiQuery, isDcsQuery, isOscQuery } from '../protocol/terminal-queries';

type State =
  | 'ground'
  | 'escape'
  | 'escapeIntermediate'
  | 'csiEntry'
  | 'csiParam'
  | 'csiIntermediate'
  | 'csiIgnore'
  | 'sosPmApc'
  | 'osc'
  | 'dcsEntry'
  | 'dcsParam'
  | 'dcsIntermediate'
  | 'dcsIgnore'
  | 'dcsPassthrough';

/** The sequence being read: where it began and what identifies it. */
interface Sequence {
  /** Byte offset of its introducer (ESC, or an 8-bit C1 control). */
  start: number;
  /** Whether the introducer was ESC: it ends the state it interrupts as a success (an OSC is applied). */
  byEscape: boolean;
  /** The state the introducer interrupted. */
  before: State;
  /** C0 controls executed while it was read (a line feed inside a CSI still moves the cursor). */
  controls: number[];
  collect: string;
  params: string;
  /** OSC: the text after `OSC`, capped (a query is short; a long title need not be kept). */
  osc: string;
}

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
const C1_ST = 0x9c;
/** Enough of an OSC to read its number and a `?` (`4;255;?` is the longest query asked one at a time). */
const OSC_KEEP = 64;
/**
 * Put where a query was, when the query interrupted another sequence: ESC `\` ends an OSC or DCS as the
 * query's ESC did (successfully), then returns to ground; CAN abandons it, as an 8-bit introducer did.
 */
const END_BY_ESCAPE = Buffer.from([ESC, 0x5c]);
const END_BY_CAN = Buffer.from([CAN]);
const NOTHING = Buffer.alloc(0);

/** C0 controls a CSI or ESC sequence executes in passing (all but CAN, SUB and ESC, which interrupt). */
function isExecutable(c: number): boolean {
  return c <= 0x17 || c === 0x19 || (c >= 0x1c && c <= 0x1f);
}

/**
 * Decodes one code point at `i` as xterm.js's Utf8ToUtf32 does: `cp` is -1 for bytes it skips (invalid,
 * overlong, surrogates, a BOM), and `next` is 0 when the sequence is cut short by the end of the data.
 */
function decodeAt(b: Uint8Array, i: number): { cp: number; next: number } {
  const b1 = b[i] as number;
  if (b1 < 0x80) return { cp: b1, next: i + 1 };
  const need = (b1 & 0xe0) === 0xc0 ? 2 : (b1 & 0xf0) === 0xe0 ? 3 : (b1 & 0xf8) === 0xf0 ? 4 : 0;
  if (need === 0) return { cp: -1, next: i + 1 };
  let cp = b1 & (need === 2 ? 0x1f : need === 3 ? 0x0f : 0x07);
  for (let k = 1; k < need; k++) {
    if (i + k >= b.length) return { cp: -1, next: 0 };
    const bk = b[i + k] as number;
    // A wrong continuation byte: the bytes so far are dropped and it is read again as a start.
    if ((bk & 0xc0) !== 0x80) return { cp: -1, next: i + k };
    cp = (cp << 6) | (bk & 0x3f);
  }
  if (need === 2) return cp < 0x80 ? { cp: -1, next: i + 1 } : { cp, next: i + 2 };
  if (need === 3) {
    const bad = cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0xfeff;
    return { cp: bad ? -1 : cp, next: i + 3 };
  }
  return { cp: cp < 0x10000 || cp > 0x10ffff ? -1 : cp, next: i + 4 };
}

type HeaderPhase = 'entry' | 'param' | 'intermediate';
type HeaderStep = HeaderPhase | 'ignore' | 'final' | 'stay' | 'reject';
/** The CSI and DCS header states, by the step of their shared grammar (headerStep) that leads to each. */
const HEADER_STATE = {
  csi: { entry: 'csiEntry', param: 'csiParam', intermediate: 'csiIntermediate', ignore: 'csiIgnore' },
  dcs: { entry: 'dcsEntry', param: 'dcsParam', intermediate: 'dcsIntermediate', ignore: 'dcsIgnore' },
} as const;
type HeaderState = (typeof HEADER_STATE)['csi' | 'dcs'][HeaderPhase];

/** Where a CSI or DCS header state stands in their shared grammar: csiParam and dcsParam are both `param`. */
function headerPhase(state: HeaderState): HeaderPhase {
  return state.endsWith('Entry') ? 'entry' : state.endsWith('Param') ? 'param' : 'intermediate';
}

/**
 * One character of a CSI's or DCS's header, which share their grammar (a private prefix first,
 * parameters, intermediates, a final byte), collected into `seq`: what the header goes on to.
 */
function headerStep(c: number, phase: HeaderPhase, seq: Sequence | undefined): HeaderStep {
  if (c === 0x7f) return 'stay';
  if (c >= 0x40 && c <= 0x7e) return 'final';
  if (c >= 0x20 && c <= 0x2f) {
    if (seq) seq.collect += String.fromCharCode(c);
    return 'intermediate';
  }
  if (c >= 0x30 && c <= 0x3f && phase === 'intermediate') return 'ignore';
  if (c >= 0x3c && c <= 0x3f) {
    // A private prefix counts only first; after a parameter it spoils the sequence.
    if (phase !== 'entry') return 'ignore';
    if (seq) seq.collect += String.fromCharCode(c);
    return 'param';
  }
  if (c >= 0x30 && c <= 0x3b) {
    if (seq) seq.params += String.fromCharCode(c);
    return 'param';
  }
  return 'reject'; // a non-ASCII character: xterm drops the sequence
}

function firstParam(params: string): number {
  const digits = /^\d*/.exec(params)?.[0] ?? '';
  return digits === '' ? 0 : Number(digits);
}

function oscQuery(osc: string): boolean {
  const m = /^(\d+);/.exec(osc);
  return m !== null && isOscQuery(Number(m[1]), osc.slice(m[0].length));
}

/**
 * The bytes without the terminal queries in them, nor the bytes xterm.js would skip as invalid UTF-8;
 * the same buffer when there are none.
 */
export function stripTerminalQueries(bytes: Buffer): Buffer {
  const cuts: { start: number; end: number; put: Buffer }[] = [];
  // Widened on purpose: `begin` and `toGround` change it from closures, which narrowing does not see.
  let state = 'ground' as State;
  let seq: Sequence | undefined;

  const begin = (start: number, byEscape: boolean, next: State, before: State = state) => {
    seq = { start, byEscape, before, controls: [], collect: '', params: '', osc: '' };
    state = next;
  };
  const cut = (end: number) => {
    if (!seq) return;
    const parts: Buffer[] = [];
    if (seq.before !== 'ground') parts.push(seq.byEscape ? END_BY_ESCAPE : END_BY_CAN);
    if (seq.controls.length > 0) parts.push(Buffer.from(seq.controls));
    // Skipped bytes inside the query were already cut: this cut covers them.
    while ((cuts.at(-1)?.start ?? -1) >= seq.start) cuts.pop();
    cuts.push({ start: seq.start, end, put: Buffer.concat(parts) });
  };
  const toGround = () => {
    state = 'ground';
    seq = undefined;
  };

  for (let i = 0; i < bytes.length; ) {
    const { cp: c, next } = decodeAt(bytes, i);
    if (next === 0) break; // a character cut short at the end: xterm would wait for the rest
    const at = i;
    i = next;
    if (c < 0) {
      // xterm skips these bytes; dropping them too keeps a cut from joining the broken pieces on its
      // two sides into a character (C2, a query, BF would become ¿).
      cuts.push({ start: at, end: i, put: NOTHING });
      continue;
    }

    // The rules that hold in every state, with the OSC's and DCS's own endings first.
    const endsString =
      state === 'osc'
        ? c === BEL || c === ESC || c === C1_ST || c === CAN || c === SUB
        : state === 'dcsPassthrough' && (c === ESC || c === C1_ST || c === CAN || c === SUB);
    if (endsString) {
      // CAN and SUB abort the string: nothing is asked.
      const answered =
        c !== CAN &&
        c !== SUB &&
        seq !== undefined &&
        (state === 'osc' ? oscQuery(seq.osc) : isDcsQuery(seq.collect.slice(0, -1), seq.collect.slice(-1)));
      // ESC \ (ST) is one terminator: its backslash only takes the parser back to ground.
      const st = c === ESC && bytes[i] === 0x5c;
      if (st) i += 1;
      if (answered) cut(c === ESC && !st ? at : i);
      const ended = state;
      toGround();
      // A lone ESC ends the string and starts what follows; if that is cut, its stand-in must end the string.
      if (c === ESC && !st) begin(at, true, 'escape', ended);
      continue;
    }
    if (c === ESC) {
      begin(at, true, 'escape');
      continue;
    }
    if (c === 0x9b) {
      begin(at, false, 'csiEntry');
      continue;
    }
    if (c === 0x90) {
      begin(at, false, 'dcsEntry');
      continue;
    }
    if (c === 0x9d) {
      begin(at, false, 'osc');
      continue;
    }
    if (c === 0x98 || c === 0x9e || c === 0x9f) {
      state = 'sosPmApc';
      seq = undefined;
      continue;
    }
    if (c === CAN || c === SUB || (c >= 0x80 && c < 0xa0)) {
      // Executed (CAN, SUB, the other C1 controls) or ignored (ST): either way back to ground.
      toGround();
      continue;
    }

    switch (state) {
      case 'ground':
        break;
      case 'escape':
        if (isExecutable(c)) seq?.controls.push(c);
        else if (c === 0x7f) break;
        else if (c === 0x5b) state = 'csiEntry';
        else if (c === 0x5d) state = 'osc';
        else if (c === 0x50) state = 'dcsEntry';
        else if (c === 0x58 || c === 0x5e || c === 0x5f) state = 'sosPmApc';
        else if (c >= 0x20 && c <= 0x2f) state = 'escapeIntermediate';
        else toGround(); // an ESC function (none asks), or a character xterm rejects here
        break;
      case 'escapeIntermediate':
        if (isExecutable(c)) seq?.controls.push(c);
        else if (c === 0x7f || (c >= 0x20 && c <= 0x2f)) break;
        else toGround();
        break;
      case 'csiEntry':
      case 'csiParam':
      case 'csiIntermediate': {
        if (isExecutable(c)) {
          seq?.controls.push(c);
          break;
        }
        const step = headerStep(c, headerPhase(state), seq);
        if (step === 'final' && seq && isCsiQuery(seq.collect, String.fromCharCode(c), firstParam(seq.params))) cut(i);
        if (step === 'final' || step === 'reject') toGround();
        else if (step !== 'stay') state = HEADER_STATE.csi[step];
        break;
      }
      case 'csiIgnore':
        if (isExecutable(c)) seq?.controls.push(c);
        else if (c >= 0x40 && c <= 0x7e) toGround();
        break;
      case 'sosPmApc':
        if (c >= 0xa0) toGround();
        break;
      case 'osc':
        if (c >= 0x20 && seq && seq.osc.length < OSC_KEEP) seq.osc += String.fromCodePoint(c);
        break;
      case 'dcsEntry':
      case 'dcsParam':
      case 'dcsIntermediate': {
        if (isExecutable(c)) break; // ignored in a DCS header, not executed
        const step = headerStep(c, headerPhase(state), seq);
        if (step === 'final') {
          // Hooked: the identity (intermediates and final) is kept in `collect`, the final last.
          if (seq) seq.collect += String.fromCharCode(c);
          state = 'dcsPassthrough';
        } else if (step === 'reject') toGround();
        else if (step !== 'stay') state = HEADER_STATE.dcs[step];
        break;
      }
      case 'dcsIgnore':
      case 'dcsPassthrough':
        break;
    }
  }

  if (cuts.length === 0) return bytes;
  const parts: Buffer[] = [];
  let from = 0;
  for (const c of cuts) {
    parts.push(bytes.subarray(from, c.start), c.put);
    from = c.end;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}
