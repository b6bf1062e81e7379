// Lesson 03 "cgroupns": any process whose namespace of kind `kind` differs from the sandbox's (e.g. unshare -C).
import type { NsKind } from '../kernel/snapshot';
import type { Check, CheckResult } from './types';
import { stringParam } from './util';

const KINDS: ReadonlySet<string> = new Set<NsKind>(['cgroup', 'ipc', 'mnt', 'net', 'pid', 'time', 'user', 'uts']);

export const nsDiffers: Check = (snap, params): CheckResult => {
  const kind = stringParam(params, 'kind');
  if (!KINDS.has(kind)) throw new Error(`check ns-differs: unknown namespace kind ${kind}`);
  const k = kind as NsKind;
  if (snap.processes.some((p) => p.ns[k] !== undefined && p.ns[k] !== snap.base.ns[k])) return { done: true };
  return { done: false, hint: 'same-ns', params: { kind } };
};
