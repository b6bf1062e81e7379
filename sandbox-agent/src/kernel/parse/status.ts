// /proc/PID/status (proc(5)): one `Key:<TAB>value` a line. Only the fields checks need are typed; every
// field is also kept verbatim in `fields`.
import { lines, nonNegativeInt, ParseError } from './text';

/** proc(5) task states: Running, Sleeping, Disk sleep, Stopped, tracing stop, dead, Zombie, Parked, Idle. */
export type TaskState = 'R' | 'S' | 'D' | 'T' | 't' | 'X' | 'Z' | 'P' | 'I';
const TASK_STATES: ReadonlySet<string> = new Set<TaskState>(['R', 'S', 'D', 'T', 't', 'X', 'Z', 'P', 'I']);

export interface IdSet {
  real: number;
  effective: number;
  saved: number;
  fs: number;
}

/** 0 = no seccomp, 1 = strict mode, 2 = filter mode (seccomp(2)). */
export type SeccompMode = 0 | 1 | 2;

export interface ProcStatus {
  name: string;
  state: TaskState;
  /** The text in parentheses, e.g. "sleeping". */
  stateName: string;
  /** Thread-group id (the "process id" as the reader's PID namespace sees it). */
  tgid: number;
  pid: number;
  ppid: number;
  uid: IdSet;
  gid: IdSet;
  /** PIDs from the PID namespace of the /proc mount down to the task's own: last = the innermost. */
  nsPid: number[];
  nsTgid: number[];
  capInh: bigint;
  capPrm: bigint;
  capEff: bigint;
  capBnd: bigint;
  capAmb: bigint;
  seccomp: SeccompMode;
  /** Number of attached seccomp filters (kernel 5.9+); undefined when the kernel does not print it. */
  seccompFilters?: number;
  noNewPrivs: boolean;
  /** Every field verbatim (value without the leading whitespace). */
  fields: Record<string, string>;
}

const KIND = 'status';
const KEY = /^[A-Za-z0-9_]+$/;
const CAP_HEX = /^[0-9a-f]{16}$/;

/** Parses /proc/PID/status. Throws ParseError on a malformed line or a missing required field. */
export function parseStatus(text: string): ProcStatus {
  const fields: Record<string, string> = {};
  const lineOf: Record<string, { line: string; n: number }> = {};
  const all = lines(text);
  if (all.length === 0) throw new ParseError(KIND, 'empty file', '');
  all.forEach((line, i) => {
    const colon = line.indexOf(':');
    const key = colon === -1 ? '' : line.slice(0, colon);
    if (!KEY.test(key)) throw new ParseError(KIND, 'expected "Key:<TAB>value"', line, i + 1);
    if (key in fields) throw new ParseError(KIND, `duplicate field ${key}`, line, i + 1);
    // Name keeps its inner and trailing spaces (a command may be named "a b "); other values are trimmed.
    const raw = line.slice(colon + 1);
    fields[key] = key === 'Name' ? raw.replace(/^\t/, '') : raw.trim();
    lineOf[key] = { line, n: i + 1 };
  });

  const get = (key: string): { value: string; line: string; n: number } => {
    const value = fields[key];
    const where = lineOf[key];
    if (value === undefined || where === undefined) throw new ParseError(KIND, `missing field ${key}`, '');
    return { value, line: where.line, n: where.n };
  };
  const int = (key: string): number => {
    const f = get(key);
    return nonNegativeInt(f.value, KIND, key, f.line, f.n);
  };
  const ints = (key: string, count?: number): number[] => {
    const f = get(key);
    const parts = f.value === '' ? [] : f.value.split(/\s+/);
    if (parts.length === 0 || (count !== undefined && parts.length !== count)) {
      throw new ParseError(KIND, `${key} needs ${count ?? 'at least one'} value(s)`, f.line, f.n);
    }
    return parts.map((p) => nonNegativeInt(p, KIND, key, f.line, f.n));
  };
  const ids = (key: string): IdSet => {
    const [real, effective, saved, fs] = ints(key, 4) as [number, number, number, number];
    return { real, effective, saved, fs };
  };
  const cap = (key: string): bigint => {
    const f = get(key);
    if (!CAP_HEX.test(f.value)) throw new ParseError(KIND, `${key} is not 16 hex digits`, f.line, f.n);
    return BigInt(`0x${f.value}`);
  };

  const stateField = get('State');
  const state = /^(\S) \((.*)\)$/.exec(stateField.value);
  if (!state?.[1] || state[2] === undefined || !TASK_STATES.has(state[1])) {
    throw new ParseError(KIND, 'State is not "<letter> (<name>)"', stateField.line, stateField.n);
  }

  const seccomp = int('Seccomp');
  if (seccomp > 2) {
    const f = get('Seccomp');
    throw new ParseError(KIND, 'Seccomp mode is not 0, 1 or 2', f.line, f.n);
  }
  const nnp = int('NoNewPrivs');
  if (nnp > 1) {
    const f = get('NoNewPrivs');
    throw new ParseError(KIND, 'NoNewPrivs is not 0 or 1', f.line, f.n);
  }

  const status: ProcStatus = {
    name: get('Name').value,
    state: state[1] as TaskState,
    stateName: state[2],
    tgid: int('Tgid'),
    pid: int('Pid'),
    ppid: int('PPid'),
    uid: ids('Uid'),
    gid: ids('Gid'),
    nsPid: ints('NSpid'),
    nsTgid: ints('NStgid'),
    capInh: cap('CapInh'),
    capPrm: cap('CapPrm'),
    capEff: cap('CapEff'),
    capBnd: cap('CapBnd'),
    capAmb: cap('CapAmb'),
    seccomp: seccomp as SeccompMode,
    noNewPrivs: nnp === 1,
    fields,
  };
  if (fields.Seccomp_filters !== undefined) status.seccompFilters = int('Seccomp_filters');
  return status;
}

/** Capability names by bit number, linux/capability.h (CAP_LAST_CAP = 40 = cap_checkpoint_restore, 5.9+). */
export const CAPABILITIES = [
  'cap_chown',
  'cap_dac_override',
  'cap_dac_read_search',
  'cap_fowner',
  'cap_fsetid',
  'cap_kill',
  'cap_setgid',
  'cap_setuid',
  'cap_setpcap',
  'cap_linux_immutable',
  'cap_net_bind_service',
  'cap_net_broadcast',
  'cap_net_admin',
  'cap_net_raw',
  'cap_ipc_lock',
  'cap_ipc_owner',
  'cap_sys_module',
  'cap_sys_rawio',
  'cap_sys_chroot',
  'cap_sys_ptrace',
  'cap_sys_pacct',
  'cap_sys_admin',
  'cap_sys_boot',
  'cap_sys_nice',
  'cap_sys_resource',
  'cap_sys_time',
  'cap_sys_tty_config',
  'cap_mknod',
  'cap_lease',
  'cap_audit_write',
  'cap_audit_control',
  'cap_setfcap',
  'cap_mac_override',
  'cap_mac_admin',
  'cap_syslog',
  'cap_wake_alarm',
  'cap_block_suspend',
  'cap_audit_read',
  'cap_perfmon',
  'cap_bpf',
  'cap_checkpoint_restore',
] as const;
export type CapabilityName = (typeof CAPABILITIES)[number];

/** Every capability this table knows (bits 0–40): what root in a fresh user namespace holds. */
export const ALL_CAPS_MASK = (1n << BigInt(CAPABILITIES.length)) - 1n;

/** Names of the bits set in a capability mask, lowest bit first; bits this table does not know appear as `cap_N`. */
export function decodeCaps(mask: bigint): string[] {
  if (mask < 0n) throw new RangeError('capability mask is negative');
  const names: string[] = [];
  for (let bit = 0; mask >> BigInt(bit) !== 0n; bit++) {
    if ((mask >> BigInt(bit)) & 1n) names.push(CAPABILITIES[bit] ?? `cap_${bit}`);
  }
  return names;
}

/** The bit number of a capability name. */
export function capBit(name: CapabilityName): number {
  return CAPABILITIES.indexOf(name);
}

export function hasCap(mask: bigint, name: CapabilityName): boolean {
  return ((mask >> BigInt(capBit(name))) & 1n) === 1n;
}
