// The kernel's own record of processes moved into a cgroup (the cgroup_attach_task trace event), for tests
// that must tell a process born in its cgroup from one moved there: both end in the same place. The trace
// runs in an ftrace instance of its own (instances/gaiola-…), on a tracefs mounted in a private mount
// namespace, so neither the host's tracing nor its mount table changes; both go when the trace stops.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { childOutput } from './kernel-helpers';

// $1: the instance's name, $2: the text a destination path must hold. Prints "ready", then the trace once
// stdin closes.
const SCRIPT = `set -e
t=$(mktemp -d /tmp/gaiola-tracefs-XXXXXX)
i=$t/instances/$1
cleanup() { rmdir "$i" 2>/dev/null || true; umount "$t"; rmdir "$t"; }
mount -t tracefs gaiola-tracefs "$t"
trap cleanup EXIT
ev=$t/events/cgroup/cgroup_attach_task
[ -d "$ev" ] || { echo "no cgroup_attach_task trace event in this kernel"; exit 3; }
mkdir "$i"
echo "dst_path ~ \\"*$2*\\"" > "$i/events/cgroup/cgroup_attach_task/filter"
echo 1 > "$i/events/cgroup/cgroup_attach_task/enable"
echo ready
cat > /dev/null
grep -o 'dst_path=[^ ]* pid=[0-9]*' "$i/trace" || true
`;

export interface AttachTrace {
  /** Stops the trace: each move recorded, as "dst_path=… pid=…". */
  stop(): Promise<string[]>;
}

/** Why this host cannot trace cgroup moves, or undefined. */
export function attachTraceSkipReason(): string | undefined {
  if (!existsSync('/sys/kernel/tracing')) return 'no /sys/kernel/tracing (a kernel without tracefs)';
  return undefined;
}

/** Starts recording every move into a cgroup whose path holds `needle` (a test's own gaiola- name). */
export async function traceCgroupAttaches(needle: string): Promise<AttachTrace> {
  if (!/^gaiola[-a-z0-9]+$/.test(needle)) throw new RangeError(`trace needle ${needle}`);
  const instance = `gaiola-trace-${randomBytes(4).toString('hex')}`;
  const child: ChildProcess = spawn(
    'unshare',
    ['--mount', '--propagation', 'private', 'bash', '-c', SCRIPT, 'trace', instance, needle],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const output = childOutput(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await output.printed(/^ready\n/, 'cgroup trace');
  return {
    async stop() {
      child.stdin?.end();
      const code = await exited;
      if (code !== 0) throw new Error(`cgroup trace failed (${code}): ${output.err}`);
      return output.out
        .slice('ready\n'.length)
        .split('\n')
        .filter((l) => l !== '');
    },
  };
}
