// The CPU lesson (06-cgroups-cpu-pids): a CPU quota the kernel enforces, shared by two processes, and two
// groups weighted 2:1 with a process each; the PIDs lesson (06-cgroups-pids-freezer): a fork bomb refused at
// pids.max, a frozen group, and a group emptied after it held the bomb. From the groups' own files (v1 or v2).
import { cpuQuotaShown, fileName, findGroup, groupsOf, liveMembers } from './cgroup-util';
import { type CheckResult, defineCheck } from './types';

/**
 * `group` has a CPU quota of `percent` % of one CPU, a live process (at least `members`, when given: processes
 * sharing the one quota), and the kernel has throttled it.
 */
export const cgroupCpuQuota = defineCheck('cgroup-cpu-quota', (snap, params): CheckResult => {
  const group = params.group;
  const want = params.percent;
  const g = findGroup(snap, 'cpu', group);
  if (!g?.cpu) return { done: false, hint: 'no-group', params: { group } };
  if (g.cpu.quotaUs === null || g.cpu.periodUs <= 0)
    return {
      done: false,
      hint: 'no-quota',
      params: { group, file: fileName(snap, 'cpuQuota'), found: cpuQuotaShown(snap, g.cpu) },
    };
  const found = Math.round((g.cpu.quotaUs / g.cpu.periodUs) * 1000) / 10;
  if (Math.abs(found - want) > 0.5) return { done: false, hint: 'wrong-quota', params: { group, found, want } };
  const count = liveMembers(snap, g).length;
  if (count === 0) return { done: false, hint: 'empty', params: { group } };
  const members = params.members ?? 1;
  if (count < members) return { done: false, hint: 'too-few', params: { group, count, want: members } };
  if (g.cpu.nrThrottled < 1) return { done: false, hint: 'not-throttled', params: { group } };
  return { done: true };
});

/** Groups `high` and `low` each hold a live process, with CPU weights in the ratio `ratio` (±10 %). */
export const cgroupCpuWeights = defineCheck('cgroup-cpu-weights', (snap, params): CheckResult => {
  const names = [params.high, params.low] as const;
  const want = params.ratio;
  const [high, low] = names.map((n) => findGroup(snap, 'cpu', n));
  for (const [i, g] of [high, low].entries())
    if (!g?.cpu) return { done: false, hint: 'no-group', params: { group: names[i] as string } };
  if (!high?.cpu || !low?.cpu) return { done: false, hint: 'no-group', params: { group: names[0] } };
  const found = Math.round((high.cpu.weight / low.cpu.weight) * 100) / 100;
  if (Math.abs(found - want) > want * 0.1) {
    const weights = { highWeight: high.cpu.weight, lowWeight: low.cpu.weight };
    return { done: false, hint: 'wrong-ratio', params: { found, want, ...weights } };
  }
  for (const [i, g] of [high, low].entries())
    if (liveMembers(snap, g).length === 0) return { done: false, hint: 'empty', params: { group: names[i] as string } };
  return { done: true };
});

/** `group` has pids.max = `max` and the kernel has refused a fork there. */
export const cgroupPidsLimit = defineCheck('cgroup-pids-limit', (snap, params): CheckResult => {
  const group = params.group;
  const want = params.max;
  const g = findGroup(snap, 'pids', group);
  if (!g?.pids) return { done: false, hint: 'no-group', params: { group } };
  if (g.pids.max !== want)
    return { done: false, hint: 'wrong-max', params: { group, found: g.pids.max ?? 'max', want } };
  if (g.pids.refused < 1) return { done: false, hint: 'no-refusal', params: { group } };
  return { done: true };
});

/** Some group of the student's is frozen with live processes in it (v1 freezer.state, v2 cgroup.events). */
export const cgroupFrozen = defineCheck('cgroup-frozen', (snap): CheckResult => {
  const frozen = groupsOf(snap, 'freezer').filter((g) => g.path !== '/' && g.frozen === true);
  if (frozen.some((g) => liveMembers(snap, g).length > 0)) return { done: true };
  const first = frozen[0];
  return first
    ? { done: false, hint: 'frozen-empty', params: { group: first.path.slice(1) } }
    : { done: false, hint: 'none-frozen' };
});

/** `group` refused a fork once (it held a bomb) and has no process left. */
export const cgroupEmptied = defineCheck('cgroup-emptied', (snap, params): CheckResult => {
  const group = params.group;
  const g = findGroup(snap, 'pids', group);
  if (!g?.pids) return { done: false, hint: 'no-group', params: { group } };
  if (g.pids.refused < 1) return { done: false, hint: 'never-used', params: { group } };
  const count = liveMembers(snap, g).length;
  return count === 0 ? { done: true } : { done: false, hint: 'not-emptied', params: { group, count } };
});
