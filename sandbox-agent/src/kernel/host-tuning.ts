// Host-side tuning of the agent process itself (issue 4, "defence in depth").
import { writeFileSync } from 'node:fs';
import { KernelOpError } from './errors';

/**
 * -1000 (OOM_SCORE_ADJ_MIN): the host's OOM killer never picks the agent. Students' processes run at +500
 * (STUDENT_OOM_SCORE_ADJ in the launcher) and cannot go below 0, so a host-wide OOM takes a sandbox, not
 * the class. Children the agent spawns inherit -1000: the launcher's `create` and `shell` relays (tiny,
 * host-side) keep it; every process inside a sandbox raises itself to +500 first.
 */
export const AGENT_OOM_SCORE_ADJ = -1000;

const OOM_SCORE_ADJ_FILE = '/proc/self/oom_score_adj';

/** Call once at agent start, as root (lowering oom_score_adj needs CAP_SYS_RESOURCE). */
export function protectAgentFromOom(): void {
  try {
    writeFileSync(OOM_SCORE_ADJ_FILE, String(AGENT_OOM_SCORE_ADJ));
  } catch (err) {
    throw new KernelOpError('writing', OOM_SCORE_ADJ_FILE, err);
  }
}
