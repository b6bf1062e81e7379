// The cgroup v1 and v2 commands of the steps that write them with cgroupCommands (cgroup-commands.ts), as
// each step spelled them by hand before: what a student is shown and types, on either host, must not change.
import { describe, expect, it } from 'vitest';
import { lessons } from './index';
import type { StepCommand } from './types';

const BEFORE: Record<string, Record<string, StepCommand[]>> = {
  '03-namespaces': {
    cgroupns: [
      {
        tab: 1,
        cgroup: 'v1',
        text: 'mkdir /sys/fs/cgroup/memory/visto && echo $$ > /sys/fs/cgroup/memory/visto/cgroup.procs',
      },
      { tab: 1, cgroup: 'v2', text: 'mkdir /sys/fs/cgroup/visto && echo $$ > /sys/fs/cgroup/visto/cgroup.procs' },
      {
        tab: 1,
        cgroup: 'v1',
        text: 'echo $$ > /sys/fs/cgroup/memory/cgroup.procs && rmdir /sys/fs/cgroup/memory/visto',
      },
      { tab: 1, cgroup: 'v2', text: 'echo $$ > /sys/fs/cgroup/init/cgroup.procs && rmdir /sys/fs/cgroup/visto' },
    ],
  },
  '05-cgroups-memory': {
    group: [
      { tab: 1, cgroup: 'v1', text: 'mkdir /sys/fs/cgroup/memory/demo' },
      { tab: 1, cgroup: 'v1', text: 'echo 100M > /sys/fs/cgroup/memory/demo/memory.limit_in_bytes' },
      { tab: 1, cgroup: 'v1', text: 'cat /sys/fs/cgroup/memory/demo/memory.limit_in_bytes' },
      { tab: 1, cgroup: 'v2', text: 'mkdir /sys/fs/cgroup/demo' },
      { tab: 1, cgroup: 'v2', text: 'echo 100M > /sys/fs/cgroup/demo/memory.max' },
      { tab: 1, cgroup: 'v2', text: 'echo 0 > /sys/fs/cgroup/demo/memory.swap.max' },
      { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/demo/memory.max' },
    ],
    join: [
      { tab: 0, cgroup: 'v1', text: 'echo $$ > /sys/fs/cgroup/memory/demo/cgroup.procs' },
      { tab: 0, cgroup: 'v2', text: 'echo $$ > /sys/fs/cgroup/demo/cgroup.procs' },
    ],
    usage: [
      { tab: 1, cgroup: 'v1', text: 'cat /sys/fs/cgroup/memory/demo/memory.usage_in_bytes' },
      { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/demo/memory.current' },
    ],
    oom: [
      { tab: 1, cgroup: 'v1', text: 'grep oom_kill /sys/fs/cgroup/memory/demo/memory.oom_control' },
      { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/demo/memory.events' },
    ],
  },
  '06-cgroups-cpu-pids': {
    quota: [
      { tab: 1, cgroup: 'v1', text: 'mkdir /sys/fs/cgroup/cpu/cpu10' },
      { tab: 1, cgroup: 'v1', text: 'echo 10000 > /sys/fs/cgroup/cpu/cpu10/cpu.cfs_quota_us' },
      { tab: 1, cgroup: 'v1', text: `sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/cpu/cpu10/cgroup.procs` },
      { tab: 1, cgroup: 'v1', text: 'cat /sys/fs/cgroup/cpu/cpu10/cpu.stat' },
      { tab: 1, cgroup: 'v2', text: 'mkdir /sys/fs/cgroup/cpu10' },
      { tab: 1, cgroup: 'v2', text: 'echo "10000 100000" > /sys/fs/cgroup/cpu10/cpu.max' },
      { tab: 1, cgroup: 'v2', text: `sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/cpu10/cgroup.procs` },
      { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/cpu10/cpu.stat' },
    ],
    weights: [
      { tab: 1, cgroup: 'v1', text: 'mkdir /sys/fs/cgroup/cpu/alto /sys/fs/cgroup/cpu/baixo' },
      {
        tab: 1,
        cgroup: 'v1',
        text: 'echo 2048 > /sys/fs/cgroup/cpu/alto/cpu.shares; echo 1024 > /sys/fs/cgroup/cpu/baixo/cpu.shares',
      },
      {
        tab: 1,
        cgroup: 'v1',
        text: `taskset -c 0 sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/cpu/alto/cgroup.procs`,
      },
      {
        tab: 1,
        cgroup: 'v1',
        text: `taskset -c 0 sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/cpu/baixo/cgroup.procs`,
      },
      { tab: 1, cgroup: 'v2', text: 'mkdir /sys/fs/cgroup/alto /sys/fs/cgroup/baixo' },
      {
        tab: 1,
        cgroup: 'v2',
        text: 'echo 200 > /sys/fs/cgroup/alto/cpu.weight; echo 100 > /sys/fs/cgroup/baixo/cpu.weight',
      },
      {
        tab: 1,
        cgroup: 'v2',
        text: `taskset -c 0 sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/alto/cgroup.procs`,
      },
      {
        tab: 1,
        cgroup: 'v2',
        text: `taskset -c 0 sh -c 'while :; do :; done' & echo $! > /sys/fs/cgroup/baixo/cgroup.procs`,
      },
    ],
  },
  '06-cgroups-pids-freezer': {
    pids: [
      { tab: 1, cgroup: 'v1', text: 'mkdir /sys/fs/cgroup/pids/pid20' },
      { tab: 1, cgroup: 'v1', text: 'echo 20 > /sys/fs/cgroup/pids/pid20/pids.max' },
      {
        tab: 0,
        cgroup: 'v1',
        text: `sh -c 'echo $$ > /sys/fs/cgroup/pids/pid20/cgroup.procs; for i in $(seq 40); do sleep 600 & done'`,
      },
      {
        tab: 1,
        cgroup: 'v1',
        text: 'cat /sys/fs/cgroup/pids/pid20/pids.current /sys/fs/cgroup/pids/pid20/pids.events',
      },
      { tab: 1, cgroup: 'v2', text: 'mkdir /sys/fs/cgroup/pid20' },
      { tab: 1, cgroup: 'v2', text: 'echo 20 > /sys/fs/cgroup/pid20/pids.max' },
      {
        tab: 0,
        cgroup: 'v2',
        text: `sh -c 'echo $$ > /sys/fs/cgroup/pid20/cgroup.procs; for i in $(seq 40); do sleep 600 & done'`,
      },
      { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/pid20/pids.current /sys/fs/cgroup/pid20/pids.events' },
    ],
    freeze: [
      { tab: 1, cgroup: 'v1', text: 'mkdir /sys/fs/cgroup/freezer/gelo' },
      {
        tab: 1,
        cgroup: 'v1',
        text: 'for p in $(cat /sys/fs/cgroup/pids/pid20/cgroup.procs); do echo $p > /sys/fs/cgroup/freezer/gelo/cgroup.procs; done',
      },
      { tab: 1, cgroup: 'v1', text: 'echo FROZEN > /sys/fs/cgroup/freezer/gelo/freezer.state' },
      { tab: 1, cgroup: 'v1', text: 'cat /sys/fs/cgroup/freezer/gelo/freezer.state' },
      { tab: 1, cgroup: 'v2', text: 'echo 1 > /sys/fs/cgroup/pid20/cgroup.freeze' },
      { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/pid20/cgroup.events' },
    ],
    empty: [
      { tab: 1, cgroup: 'v1', text: 'echo THAWED > /sys/fs/cgroup/freezer/gelo/freezer.state' },
      { tab: 1, cgroup: 'v1', text: 'kill $(cat /sys/fs/cgroup/pids/pid20/cgroup.procs)' },
      { tab: 1, cgroup: 'v1', text: 'cat /sys/fs/cgroup/pids/pid20/pids.current' },
      { tab: 1, cgroup: 'v2', text: 'echo 1 > /sys/fs/cgroup/pid20/cgroup.kill' },
      { tab: 1, cgroup: 'v2', text: 'cat /sys/fs/cgroup/pid20/cgroup.events' },
    ],
  },
  '11-container-by-hand': {
    cgroup: [
      { tab: 1, cgroup: 'v1', text: 'mkdir /sys/fs/cgroup/memory/ctr /sys/fs/cgroup/pids/ctr' },
      {
        tab: 1,
        cgroup: 'v1',
        text: 'echo 64M > /sys/fs/cgroup/memory/ctr/memory.limit_in_bytes && echo 32 > /sys/fs/cgroup/pids/ctr/pids.max',
      },
      { tab: 1, cgroup: 'v2', text: 'mkdir /sys/fs/cgroup/ctr' },
      {
        tab: 1,
        cgroup: 'v2',
        text: 'echo 64M > /sys/fs/cgroup/ctr/memory.max && echo 32 > /sys/fs/cgroup/ctr/pids.max',
      },
    ],
    container: [
      {
        tab: 0,
        cgroup: 'v1',
        text: 'echo $$ > /sys/fs/cgroup/memory/ctr/cgroup.procs && echo $$ > /sys/fs/cgroup/pids/ctr/cgroup.procs',
      },
      { tab: 0, cgroup: 'v2', text: 'echo $$ > /sys/fs/cgroup/ctr/cgroup.procs' },
    ],
  },
  '13-docker-kubernetes': {
    'docker-run': [
      {
        tab: 1,
        cgroup: 'v1',
        text: 'mkdir /sys/fs/cgroup/memory/web /sys/fs/cgroup/pids/web && echo 128M > /sys/fs/cgroup/memory/web/memory.limit_in_bytes && echo 50 > /sys/fs/cgroup/pids/web/pids.max',
      },
      {
        tab: 1,
        cgroup: 'v1',
        text: `sh -c 'echo $$ > /sys/fs/cgroup/memory/web/cgroup.procs; echo $$ > /sys/fs/cgroup/pids/web/cgroup.procs; exec unshare -n -m -u -i -p -f --mount-proc=/root/rootfs/proc chroot /root/rootfs sleep 600' &`,
      },
      {
        tab: 1,
        cgroup: 'v2',
        text: 'mkdir /sys/fs/cgroup/web && echo 128M > /sys/fs/cgroup/web/memory.max && echo 50 > /sys/fs/cgroup/web/pids.max',
      },
      {
        tab: 1,
        cgroup: 'v2',
        text: `sh -c 'echo $$ > /sys/fs/cgroup/web/cgroup.procs; exec unshare -n -m -u -i -p -f --mount-proc=/root/rootfs/proc chroot /root/rootfs sleep 600' &`,
      },
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
