// Shared pieces of the escape suite (escape-*.kernel.test.ts, issue 4 "What it must not let a student do"):
// the student's C program built on the host and placed in a sandbox, and the host files of a sandbox's
// cgroups.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readSandboxCgroups } from '../src/kernel/inspect-cgroups';
import type { HostProbe } from '../src/kernel/probe';
import type { Sandbox } from '../src/kernel/sandbox';
import { eventually } from './kernel-helpers';

/**
 * The caps of the escape suite's sandboxes, small so that an attack costs this machine nothing: a fork bomb fills
 * pidsMax at once, while a shell, a pipeline and `kill` fit; a 300 MiB hog cannot fit in memoryBytes, a login shell
 * and coreutils do; the writable layer and /tmp (tmpfsBytes each) each fit in memoryBytes on its own (tmpfs pages
 * are charged to the memcg).
 */
export const ESCAPE_CAPS = { pidsMax: 64, memoryBytes: 96 * 1024 * 1024, tmpfsBytes: 64 * 1024 * 1024 } as const;

const TOOL_SOURCE = new URL('./escape-tool.c', import.meta.url).pathname;
/** Where the tool lands inside a sandbox (its /tmp, on the sandbox's own tmpfs). */
export const TOOL_INSIDE = '/tmp/escape-tool';

/** Builds escape-tool.c statically into a fresh temp dir; returns its path and a cleanup. */
export function buildEscapeTool(): { path: string; dispose: () => void } {
  const dir = mkdtempSync(`${tmpdir()}/gaiola-escape-`);
  const out = `${dir}/escape-tool`;
  const cc = spawnSync('cc', ['-static', '-O1', '-Wall', '-o', out, TOOL_SOURCE], { encoding: 'utf8' });
  if (cc.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`cc escape-tool.c failed: ${cc.stderr}`);
  }
  return { path: out, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Puts the tool into the sandbox as if the student had typed it in (test setup only; the agent never writes
 * into a sandbox): nsenter joins the sandbox's mount and pid namespaces as the sandbox root's host uid, so
 * the file belongs to root inside; dd copies it from stdin.
 */
export function placeEscapeTool(sb: Sandbox, toolPath: string): void {
  const id = String(sb.uidBase);
  const enter = ['-t', String(sb.initPid), '-m', '-p', '-S', id, '-G', id, '--'];
  for (const [cmd, input] of [
    [['/bin/dd', `of=${TOOL_INSIDE}`, 'status=none'], readFileSync(toolPath)],
    [['/bin/chmod', '755', TOOL_INSIDE], undefined],
  ] as const) {
    const r = spawnSync('nsenter', [...enter, ...cmd], { input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`placing ${TOOL_INSIDE} in ${sb.id}: ${r.stderr || r.error?.message}`);
  }
}

/** The host directory of the sandbox's cgroup for `controller` (v1: its hierarchy's dir; v2: the one dir). */
export function cgroupDirOf(sb: Sandbox, probe: HostProbe, controller: string): string {
  const dirs = sb.cgroupDirs;
  const dir =
    probe.cgroup.mode === 'v2'
      ? dirs[0]
      : dirs.find((d) => d.split('/').slice(-3, -2)[0]?.split(',').includes(controller));
  if (!dir) throw new Error(`no ${controller} cgroup among ${dirs.join(' ')}`);
  return dir;
}

export function readCgroupFile(sb: Sandbox, probe: HostProbe, controller: string, file: string): string {
  return readFileSync(`${cgroupDirOf(sb, probe, controller)}/${file}`, 'utf8');
}

/**
 * Forks refused in the sandbox's cgroup and below, as the checks and the Kernel panel read them. Not its own
 * pids.events: on v2 before Linux 6.11 the kernel counts a refusal in the forking task's cgroup, the `init` leaf
 * (inspect-cgroups.ts withSubtreeRefusals).
 */
export function refusedForks(sb: Sandbox, probe: HostProbe): number {
  const own = readSandboxCgroups(sb.cgroupDirs, probe.cgroup).groups.find((g) => g.path === '/' && g.pids);
  if (!own?.pids) throw new Error(`no pids cgroup among ${sb.cgroupDirs.join(' ')}`);
  return own.pids.refused;
}

/**
 * SIGKILLs every process in the sandbox's cgroups whose command line holds `marker`, round after round until a
 * round finds none (a fork bomb forks while it is being killed). Done from the host, so it works when the
 * sandbox's shell is stuck; false if some were left after `timeoutMs`.
 */
export async function killMarked(sb: Sandbox, probe: HostProbe, marker: string, timeoutMs = 20_000): Promise<boolean> {
  const marked = () =>
    readSandboxCgroups(sb.cgroupDirs, probe.cgroup)
      .groups.filter((g) => g.pids)
      .flatMap((g) => g.procs)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
        } catch {
          return false; // exited meanwhile
        }
      });
  return eventually(() => {
    const pids = marked();
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // exited meanwhile
      }
    }
    return pids.length === 0;
  }, timeoutMs);
}

/** The value of a "key value" line of a cgroup file (cpu.stat, memory.events, pids.events ...), or -1. */
export function counter(text: string, key: string): number {
  const m = new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  return m?.[1] ? Number(m[1]) : -1;
}
