// The cgroup v1 and v2 commands of the steps that write them with cgroupCommands (cgroup-commands.ts), as
// each step spelled them by hand before: what a student is shown and types, on either host, must not change.
import { describe, expect, it } from 'vitest';
import { lessons } from './index';
import type { StepCommand } from './types';

/** A command as a step spelled it for a v1 (or v2) host, in Terminal B unless `tab` says A. */
const v1 = (text: string, tab: StepCommand['tab'] = 1): StepCommand => ({ tab, cgroup: 'v1', text });
const v2 = (text: string, tab: StepCommand['tab'] = 1): StepCommand => ({ tab, cgroup: 'v2', text });

const BEFORE: Record<string, Record<string, StepCommand[]>> = {
  '03-namespaces': {
    cgroupns: [
      v1('mkdir /sys/fs/cgroup/memory/visto && echo $$ > /sys/fs/cgroup/memory/visto/cgroup.procs'),
      v2('mkdir /sys/fs/cgroup/visto && echo $$ > /sys/fs/cgroup/visto/cgroup.procs'),
      v1('echo $$ > /sys/fs/cgroup/memory/cgroup.procs && rmdir /sys/fs/cgroup/memory/visto'),
      v2('echo $$ > /sys/fs/cgroup/init/cgroup.procs && rmdir /sys/fs/cgroup/visto'),
    ],
  },
  '05-cgroups-memory': {
    group: [
      v1('mkdir /sys/fs/cgroup/memory/demo'),
      v1('echo 100M > /sys/fs/cgroup/memory/demo/memory.limit_in_bytes'),
      v1('cat /sys/fs/cgroup/memory/demo/memory.limit_in_bytes'),
      v2('mkdir /sys/fs/cgroup/demo'),
      v2('echo 100M > /sys/fs/cgroup/demo/memory.max'),
      v2('echo 0 > /sys/fs/cgroup/demo/memory.swap.max'),
      v2('cat /sys/fs/cgroup/demo/memory.max'),
    ],
    join: [
      v1('echo $$ > /sys/fs/cgroup/memory/demo/cgroup.procs', 0),
      v2('echo $$ > /sys/fs/cgroup/demo/cgroup.procs', 0),
    ],
    usage: [v1('cat /sys/fs/cgroup/memory/demo/memory.usage_in_bytes'), v2('cat /sys/fs/cgroup/demo/memory.current')],
    oom: [
      v1('grep oom_kill /sys/fs/cgroup/memory/demo/memory.oom_control'),
      v2('cat /sys/fs/cgroup/demo/memory.events'),
    ],
  },
  '06-cgroups-cpu-pids': {
    quota: [
      v1('mkdir /sys/fs/cgroup/cpu/cpu10'),
      v1('echo 10000 > /sys/fs/cgroup/cpu/cpu10/cpu.cfs_quota_us'),
      v1(`sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/cpu/cpu10/cgroup.procs`),
      v1('cat /sys/fs/cgroup/cpu/cpu10/cpu.stat'),
      v2('mkdir /sys/fs/cgroup/cpu10'),
      v2('echo "10000 100000" > /sys/fs/cgroup/cpu10/cpu.max'),
      v2(`sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/cpu10/cgroup.procs`),
      v2('cat /sys/fs/cgroup/cpu10/cpu.stat'),
    ],
    weights: [
      v1('mkdir /sys/fs/cgroup/cpu/alto /sys/fs/cgroup/cpu/baixo'),
      v1('echo 2048 > /sys/fs/cgroup/cpu/alto/cpu.shares; echo 1024 > /sys/fs/cgroup/cpu/baixo/cpu.shares'),
      v1(`taskset -c 0 sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/cpu/alto/cgroup.procs`),
      v1(`taskset -c 0 sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/cpu/baixo/cgroup.procs`),
      v2('mkdir /sys/fs/cgroup/alto /sys/fs/cgroup/baixo'),
      v2('echo 200 > /sys/fs/cgroup/alto/cpu.weight; echo 100 > /sys/fs/cgroup/baixo/cpu.weight'),
      v2(`taskset -c 0 sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/alto/cgroup.procs`),
      v2(`taskset -c 0 sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/baixo/cgroup.procs`),
    ],
  },
  '06-cgroups-pids-freezer': {
    pids: [
      v1('mkdir /sys/fs/cgroup/pids/pid20'),
      v1('echo 20 > /sys/fs/cgroup/pids/pid20/pids.max'),
      v1(`sh -c 'echo $$ > /sys/fs/cgroup/pids/pid20/cgroup.procs; for i in $(seq 40); do sleep 600 & done'`, 0),
      v1('cat /sys/fs/cgroup/pids/pid20/pids.current /sys/fs/cgroup/pids/pid20/pids.events'),
      v2('mkdir /sys/fs/cgroup/pid20'),
      v2('echo 20 > /sys/fs/cgroup/pid20/pids.max'),
      v2(`sh -c 'echo $$ > /sys/fs/cgroup/pid20/cgroup.procs; for i in $(seq 40); do sleep 600 & done'`, 0),
      v2('cat /sys/fs/cgroup/pid20/pids.current /sys/fs/cgroup/pid20/pids.events'),
    ],
    freeze: [
      v1('mkdir /sys/fs/cgroup/freezer/gelo'),
      v1(
        'for p in $(cat /sys/fs/cgroup/pids/pid20/cgroup.procs); do echo $p > /sys/fs/cgroup/freezer/gelo/cgroup.procs; done',
      ),
      v1('echo FROZEN > /sys/fs/cgroup/freezer/gelo/freezer.state'),
      v1('cat /sys/fs/cgroup/freezer/gelo/freezer.state'),
      v2('echo 1 > /sys/fs/cgroup/pid20/cgroup.freeze'),
      v2('cat /sys/fs/cgroup/pid20/cgroup.events'),
    ],
    empty: [
      v1('echo THAWED > /sys/fs/cgroup/freezer/gelo/freezer.state'),
      v1('kill $(cat /sys/fs/cgroup/pids/pid20/cgroup.procs)'),
      v1('cat /sys/fs/cgroup/pids/pid20/pids.current'),
      v2('echo 1 > /sys/fs/cgroup/pid20/cgroup.kill'),
      v2('cat /sys/fs/cgroup/pid20/cgroup.events'),
    ],
  },
  '11-container-by-hand': {
    cgroup: [
      v1('mkdir /sys/fs/cgroup/memory/ctr /sys/fs/cgroup/pids/ctr'),
      v1('echo 64M > /sys/fs/cgroup/memory/ctr/memory.limit_in_bytes && echo 32 > /sys/fs/cgroup/pids/ctr/pids.max'),
      v2('mkdir /sys/fs/cgroup/ctr'),
      v2('echo 64M > /sys/fs/cgroup/ctr/memory.max && echo 32 > /sys/fs/cgroup/ctr/pids.max'),
    ],
    container: [
      v1('echo $$ > /sys/fs/cgroup/memory/ctr/cgroup.procs && echo $$ > /sys/fs/cgroup/pids/ctr/cgroup.procs', 0),
      v2('echo $$ > /sys/fs/cgroup/ctr/cgroup.procs', 0),
    ],
  },
  '13-docker-kubernetes': {
    'docker-run': [
      v1(
        'mkdir /sys/fs/cgroup/memory/web /sys/fs/cgroup/pids/web && echo 128M > /sys/fs/cgroup/memory/web/memory.limit_in_bytes && echo 50 > /sys/fs/cgroup/pids/web/pids.max',
      ),
      v1(
        `sh -c 'echo $$ > /sys/fs/cgroup/memory/web/cgroup.procs; echo $$ > /sys/fs/cgroup/pids/web/cgroup.procs; exec unshare -n -m -u -i -p -f --mount-proc=/root/rootfs/proc chroot /root/rootfs sleep 600' &`,
      ),
      v2(
        'mkdir /sys/fs/cgroup/web && echo 128M > /sys/fs/cgroup/web/memory.max && echo 50 > /sys/fs/cgroup/web/pids.max',
      ),
      v2(
        `sh -c 'echo $$ > /sys/fs/cgroup/web/cgroup.procs; exec unshare -n -m -u -i -p -f --mount-proc=/root/rootfs/proc chroot /root/rootfs sleep 600' &`,
      ),
    ],
  },
};

describe('the cgroup v1 and v2 commands of the steps', () => {
  for (const [slug, steps] of Object.entries(BEFORE))
    for (const [id, commands] of Object.entries(steps))
      it(`${slug} ${id}: the same commands, in the same order, as spelled by hand`, () => {
        const step = lessons.find((l) => l.slug === slug)?.steps.find((s) => s.id === id);
        expect(step?.commands.filter((c) => c.cgroup !== undefined)).toStrictEqual(commands);
      });
});
