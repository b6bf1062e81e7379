// Lesson 03 "cgroupns": any process whose namespace of kind `kind` differs from the sandbox's (e.g. unshare -C).
// An unknown kind never gets here: the check's schema refuses it (protocol/check-params.ts NS_KINDS).
import type { NsKind } from '../kernel/snapshot';
import { type CheckResult, defineCheck } from './types';

export const nsDiffers = defineCheck('ns-differs', (snap, params): CheckResult => {
  const kind: NsKind = params.kind;
  if (snap.processes.some((p) => p.ns[kind] !== undefined && p.ns[kind] !== snap.base.ns[kind])) return { done: true };
  return { done: false, hint: 'same-ns', params: { kind } };
});
