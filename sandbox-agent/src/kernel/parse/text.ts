// Shared pieces of the kernel-file parsers: the error type and strict number/line helpers.
// Parsers are pure: strings in, typed values out. They never read files themselves.

/** Which kernel file a parser was reading; carried by every ParseError. */
export type ParseKind =
  | 'mountinfo'
  | 'overlay-options'
  | 'status'
  | 'stat'
  | 'proc-cgroup'
  | 'cgroup-keyed'
  | 'cgroup-value'
  | 'cpu.max'
  | 'cgroup-controllers'
  | 'ns-link'
  | 'id-map';

/** A kernel file did not have the documented shape. Never swallowed: a check must not read half-parsed junk. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly kind: ParseKind,
    readonly reason: string,
    /** The offending line, verbatim (or the whole value for single-value files). */
    readonly line: string,
    /** 1-based line number when the file has several lines. */
    readonly lineNumber?: number,
  ) {
    super(`${kind}: ${reason}${lineNumber === undefined ? '' : ` at line ${lineNumber}`}: ${JSON.stringify(line)}`);
  }
}

/**
 * Splits a file into lines after dropping trailing whitespace (files end with '\n'). An empty file gives [].
 * Lines are returned verbatim; callers decide whether blank lines are garbage.
 */
export function lines(text: string): string[] {
  const trimmed = text.replace(/\s+$/, '');
  return trimmed === '' ? [] : trimmed.split('\n');
}

const DECIMAL = /^-?\d+$/;

/** A decimal integer that fits a JS number exactly, or a ParseError. */
export function safeInt(token: string, kind: ParseKind, what: string, line: string, lineNumber?: number): number {
  if (!DECIMAL.test(token)) throw new ParseError(kind, `${what} is not an integer`, line, lineNumber);
  const n = Number(token);
  if (!Number.isSafeInteger(n)) throw new ParseError(kind, `${what} is out of range`, line, lineNumber);
  return n;
}

export function nonNegativeInt(
  token: string,
  kind: ParseKind,
  what: string,
  line: string,
  lineNumber?: number,
): number {
  const n = safeInt(token, kind, what, line, lineNumber);
  if (n < 0) throw new ParseError(kind, `${what} is negative`, line, lineNumber);
  return n;
}

/** A decimal integer as a number when exact, else as a bigint (cgroup counters can pass 2^53). */
export function intOrBigInt(
  token: string,
  kind: ParseKind,
  what: string,
  line: string,
  lineNumber?: number,
): number | bigint {
  if (!DECIMAL.test(token)) throw new ParseError(kind, `${what} is not an integer`, line, lineNumber);
  const n = Number(token);
  return Number.isSafeInteger(n) ? n : BigInt(token);
}

/**
 * Undoes the kernel's seq_escape(): the characters it escapes in /proc files (space, tab, newline, backslash,
 * and in mount options also ',' and '=') appear as a backslash and three octal digits, e.g. `\040`.
 * A backslash not followed by three octal digits is left as it is.
 */
export function unescapeOctal(s: string): string {
  return s.replace(/\\([0-3][0-7]{2})/g, (_, oct: string) => String.fromCharCode(Number.parseInt(oct, 8)));
}
