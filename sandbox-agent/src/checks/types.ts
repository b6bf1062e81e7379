// What a check is: a pure function of a sandbox's snapshot (kernel/snapshot.ts) and the step's parameters,
// answering done, or not yet with a hint key and what the hint may show.
import type { SandboxSnapshot } from '../kernel/snapshot';

export type HintParams = Record<string, string | number>;
export type CheckResult = { done: true } | { done: false; hint: string; params?: HintParams };
export type CheckParams = Readonly<Record<string, string | number | boolean>>;
export type Check = (snap: SandboxSnapshot, params: CheckParams) => CheckResult;
