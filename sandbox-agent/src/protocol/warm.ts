// Warm sandboxes in class (issue 18): the instructor asks the agent to keep a number of sandboxes started for the
// class that is arriving (`INSTRUCTOR_PATHS.warm`, class.ts), and the instructor's state says how many are ready,
// how many are starting and the number asked for. Checked on the page and again by the agent. Imports neither
// node nor DOM types.
import { z } from 'zod';

/**
 * The most any request may ask for, whatever the machine: GAIOLA_MAX_SANDBOXES' own upper bound, as warm ones
 * count against it. The agent bounds each request further by the room the students' sandboxes leave.
 */
export const MAX_WARM_TARGET = 1000;

export const warmRequest = z.strictObject({
  token: z.string().max(512),
  target: z.number().int().min(0).max(MAX_WARM_TARGET),
});
export type WarmRequest = z.infer<typeof warmRequest>;

/** The warm pool as the instructor's state carries it. */
export const warmPoolState = z.object({
  /** Started, with an idle shell, waiting for the next students. */
  ready: z.number().int().nonnegative(),
  /** Being started now (the pool starts one at a time). */
  starting: z.number().int().nonnegative(),
  /** How many the pool keeps ready: GAIOLA_WARM_SANDBOXES, or what the class's instructor asked for. */
  target: z.number().int().nonnegative(),
});
export type WarmPoolState = z.infer<typeof warmPoolState>;

/**
 * The most warm sandboxes the instructor may ask for now: the capacity less the students' own sandboxes (warm
 * ones count against the capacity too; a student who arrives takes a warm one, so none is refused for them).
 */
export function warmTargetMax(capacity: { readonly maxSandboxes: number; readonly sandboxes: number }): number {
  return Math.min(MAX_WARM_TARGET, Math.max(0, capacity.maxSandboxes - capacity.sandboxes));
}

/** A target as typed in the page's field: a whole number from 0 to `max` (decimal digits only), else null. */
export function parseWarmTarget(raw: string, max: number): number | null {
  const text = raw.trim();
  if (!/^\d{1,4}$/.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}
