// Shared setup of the probe tests (probe-*.kernel.test.ts): what the course lets a student do, each tried
// through a real sandbox's pty as a student would type it. One sandbox per file; the file's last test
// destroys it and checks that the host kept nothing of it (cgroups, mounts, network namespaces, links).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, expect } from 'vitest';
import { type HostProbe, probeHost } from '../src/kernel/probe';
import type { Sandbox } from '../src/kernel/sandbox';
import { cgroupDirOf } from './escape-helpers';
import {
  cleanupTestRun,
  eventually,
  hostMountPoints,
  leftovers,
  processAlive,
  processesInUidRange,
  sandboxFixture,
  type Terminal,
} from './kernel-helpers';

export interface ProbeSandbox {
  readonly probe: HostProbe;
  /** The root shell (valid inside tests, after beforeAll). */
  readonly term: Terminal;
  readonly sandbox: Sandbox;
  /** Host directory of the sandbox's cgroup for `controller` (v1: its hierarchy; v2: the one directory). */
  cgroupDir(controller: string): string;
  /** Destroys the sandbox and asserts the host is as before. */
  destroyAndCheckHost(): Promise<void>;
}

/** The host's network namespaces and links, names only: nothing a sandbox does may add to them. */
function hostNetwork(): string {
  const netns = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
  const links = execFileSync('ip', ['-o', 'link'], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.split(':')[1]?.trim() ?? '')
    .filter((n) => n !== '')
    .sort();
  return `${netns}\n${links.join(' ')}`;
}

function parentOf(pid: number): number | undefined {
  try {
    return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

/**
 * The sandbox's live processes: in its uid range and descended from its launcher. (The uid range alone could
 * match a parallel test run that drew the same slot.)
 */
function sandboxProcesses(s: Sandbox): number[] {
  return processesInUidRange(s.uidBase, true).filter((pid) => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && p > 1 && hops < 64; hops++) {
      if (p === s.launcherPid) return true;
      p = parentOf(p);
    }
    return false;
  });
}

/** Runs `ping` (a command line that pings once) and expects its echo answered: exit 0, "1 received". */
export async function expectPingAnswered(t: Terminal, ping: string): Promise<void> {
  const r = await t.run(ping);
  expect(r.out).toContain('1 received');
  expect(r.code).toBe(0);
}

/**
 * Shell commands that wire a network namespace `ns` as the lessons wire a container: a veth pair, `host` (its
 * name and address) in the sandbox's namespace and `peer` in `ns`, both addressed and up; `lo` brings up `ns`'s
 * loopback too.
 */
export function vethInto(
  ns: string,
  [host, hostAddr]: [string, string],
  [peer, peerAddr]: [string, string],
  { lo = false } = {},
): string {
  return [
    `ip netns add ${ns}`,
    `ip link add ${host} type veth peer name ${peer} netns ${ns}`,
    `ip addr add ${hostAddr} dev ${host}`,
    `ip link set ${host} up`,
    `ip -n ${ns} addr add ${peerAddr} dev ${peer}`,
    `ip -n ${ns} link set ${peer} up`,
    ...(lo ? [`ip -n ${ns} link set lo up`] : []),
  ].join(' && ');
}

/** Skips are printed, never silent (kernel-helpers, CONVENTIONS §12). */
export function warnSkip(file: string, what: string, reason: string): void {
  console.warn(`[${file}] skipped: ${what}: ${reason}`);
}

/** Registers beforeAll/afterAll for one probe sandbox (a sandboxFixture with one shell). Call inside `describe`. */
export function useProbeSandbox(hostname: string): ProbeSandbox {
  const probe = probeHost();
  let networkBefore = '';
  // before the fixture's beforeAll makes the sandbox
  beforeAll(() => {
    networkBefore = hostNetwork();
  });
  const box = sandboxFixture(probe, { hostnames: [hostname], shells: 1 });
  const { cfg } = box;

  beforeAll(async () => {
    // Plain output for parsing: no colours from the image's aliases.
    await box.shell().ok('unalias ls grep 2>/dev/null; export LC_ALL=C.UTF-8 GREP_COLORS= ; cd /root');
  });

  return {
    probe,
    get term(): Terminal {
      return box.shell();
    },
    get sandbox(): Sandbox {
      return box.sandbox();
    },
    cgroupDir(controller: string): string {
      return cgroupDirOf(box.sandbox(), probe, controller);
    },
    async destroyAndCheckHost(): Promise<void> {
      const s = box.sandbox();
      const before = sandboxProcesses(s);
      expect(before).toContain(s.initPid);
      await s.destroy();
      await cleanupTestRun(cfg, probe);
      // a killed process may take a moment to be gone from /proc
      await eventually(() => !before.some(processAlive), 2000, 20);
      expect(before.filter(processAlive)).toEqual([]);
      expect(leftovers(cfg, probe)).toEqual([]);
      expect(hostMountPoints()).toEqual(box.mountsBefore);
      expect(hostNetwork()).toBe(networkBefore);
    },
  };
}
