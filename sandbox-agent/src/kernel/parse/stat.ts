// /proc/PID/stat (proc(5)): one line of space-separated fields; the second, the command name, is in
// parentheses and may itself hold spaces and parentheses, so fields are counted from the LAST ')'. Only the
// state and the job-control fields are typed: whether a process runs, sleeps or is a zombie, which process
// group it is in and which one its terminal's foreground is (the shell a student types in). PIDs are as the
// reader's PID namespace sees them.
import { ParseError, safeInt } from './text';

export interface ProcStat {
  pid: number;
  /** One letter (proc(5)): R running, S sleeping, D disk sleep, T stopped, t traced, Z zombie, X dead, I idle. */
  state: string;
  ppid: number;
  /** Process group ID. */
  pgrp: number;
  session: number;
  /** The controlling terminal's device number; 0 without one. */
  ttyNr: number;
  /** The foreground process group of the controlling terminal; -1 without one (0: a group the reader cannot see). */
  tpgid: number;
}

const KIND = 'stat';

export function parseStat(text: string): ProcStat {
  const line = text.replace(/\s+$/, '');
  const open = line.indexOf(' (');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) throw new ParseError(KIND, 'expected "PID (comm) …"', line);
  // After ") ": state ppid pgrp session tty_nr tpgid … (fields 3 to 8).
  const rest = line.slice(close + 2).split(' ');
  if (rest.length < 6) throw new ParseError(KIND, 'fewer than 8 fields', line);
  const int = (token: string | undefined, what: string) => safeInt(token ?? '', KIND, what, line);
  const state = rest[0] ?? '';
  if (!/^[A-Za-z]$/.test(state)) throw new ParseError(KIND, 'expected a one-letter state after the name', line);
  return {
    pid: int(line.slice(0, open), 'pid'),
    state,
    ppid: int(rest[1], 'ppid'),
    pgrp: int(rest[2], 'pgrp'),
    session: int(rest[3], 'session'),
    ttyNr: int(rest[4], 'tty_nr'),
    tpgid: int(rest[5], 'tpgid'),
  };
}

/**
 * The start time (field 22, clock ticks after boot) of a /proc/PID/stat line, counted from the last ')' as the
 * name may hold any; undefined when the line has none. With the pid, what names a process for good.
 */
export function statStartTime(stat: string): number | undefined {
  const field = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return field !== undefined && /^\d+$/.test(field) ? Number(field) : undefined;
}

/**
 * `cminflt` (field 11): the minor page faults of the children this process has waited for, added by the kernel
 * when it reaps one (wait_task_zombie). Every program that ran faults, so a count above 0 says the process has
 * reaped at least one child; it survives an exec. Undefined when the line has none.
 */
export function statReapedFaults(stat: string): number | undefined {
  const field = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[8];
  return field !== undefined && /^\d+$/.test(field) ? Number(field) : undefined;
}
