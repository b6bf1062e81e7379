// What a check is: a pure function of a sandbox's snapshot (kernel/snapshot.ts) and the step's parameters,
// answering done, or not yet with a hint key and what the hint may show. Each is written with defineCheck,
// against the schema of its parameters (protocol/check-params.ts).
import type { SandboxSnapshot } from '../kernel/snapshot';
import { CHECK_PARAMS, type CheckId, type CheckParamsOf, checkParamsProblem } from '../protocol/check-params';

export type HintParams = Record<string, string | number>;
export type CheckResult = { done: true } | { done: false; hint: string; params?: HintParams };
export type CheckParams = Readonly<Record<string, string | number | boolean>>;

/** A check as the agent runs it by id: any parameters, validated by the check's schema before it runs. */
export type Check = (snap: SandboxSnapshot, params: CheckParams) => CheckResult;

/** Check `K`: run by id as a Check, or with its parameters typed through `run`. */
export type DefinedCheck<K extends CheckId> = Check & {
  readonly id: K;
  readonly run: (snap: SandboxSnapshot, params: CheckParamsOf<K>) => CheckResult;
};

/**
 * Check `id`, written against its parameters' schema: `run` gets them typed. Run by id, it throws, naming
 * the check and what the schema refused, when a step gives parameters the check does not take.
 */
export function defineCheck<K extends CheckId>(
  id: K,
  run: (snap: SandboxSnapshot, params: CheckParamsOf<K>) => CheckResult,
): DefinedCheck<K> {
  const schema = CHECK_PARAMS[id];
  const check: Check = (snap, params) => {
    const parsed = schema.safeParse(params);
    if (!parsed.success) throw new Error(`check ${id}: ${checkParamsProblem(id, params)}`);
    // The schema of K accepted them: they are K's parameters (TypeScript cannot narrow a generic index).
    return run(snap, parsed.data as CheckParamsOf<K>);
  };
  return Object.assign(check, { id, run });
}
