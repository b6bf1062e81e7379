// The class export: one CSV row per step done and per quiz attempt. RFC 4180 quoting, UTF-8 with a BOM so
// LibreOffice and spreadsheet programs read Portuguese and Galician names right, and every text cell that a
// spreadsheet could take for a formula (starting with = + - @, a tab or a carriage return) prefixed with an
// apostrophe: a student named `=HYPERLINK(…)` stays a name.
export const CSV_COLUMNS = [
  'student',
  'lesson',
  'step',
  'done_at',
  'question',
  'attempt',
  'answer',
  'correct',
] as const;
export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The audit's file (issue 20): one row per look, help or broadcast: what, who, at whom, when it started and ended
 * (ISO 8601, UTC), how long in seconds, and its detail (why it ended, bytes typed, a broadcast's text).
 */
export const AUDIT_CSV_COLUMNS = [
  'kind',
  'instructor',
  'student',
  'started_at',
  'ended_at',
  'seconds',
  'detail',
] as const;
export type AuditCsvRow = Record<(typeof AUDIT_CSV_COLUMNS)[number], string | number | null>;

/** The whole file: BOM, header, rows, CRLF line ends (RFC 4180). */
export function toCsv<C extends string>(
  rows: readonly Record<C, string | number | boolean | null>[],
  columns: readonly C[],
): string {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
