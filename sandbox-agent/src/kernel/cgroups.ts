// The cgroup side of sandboxes: applies the plans of cgroup-layout.ts, and tears cgroup trees down
// (kills what is left in them by PID, removes directories depth-first). Only paths under the gaiola parent
// are ever touched.
import { constants } from 'node:fs';
import { access, chown, mkdir, open, readdir, readFile, rmdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type CgroupOp,
  controllersToEnable,
  parentCaps,
  parentDirs,
  planLeafRelease,
  planParent,
  planSandbox,
  type SandboxCgroupPaths,
  sandboxCgroupPaths,
  v2AgentCgroups,
  v2AgentLeafDir,
} from './cgroup-layout';
import type { KernelConfig } from './config';
import { errnoCode, KernelOpError, withContext } from './errors';
import type { HostProbe } from './probe';

/**
 * How long teardown retries rmdir while the kernel still lists a cgroup as busy: after SIGKILL, zombies
 * stay members until their parent (a relay, the launcher) reaps them, usually within milliseconds.
 */
export const RMDIR_RETRY_MS = 2000;
const RMDIR_RETRY_STEP_MS = 20;

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** One write() of `value`, as cgroup files require; errors name the file. */
export async function writeCgroupFile(path: string, value: string): Promise<void> {
  await withContext('writing', path, async () => {
    // O_WRONLY without O_CREAT/O_TRUNC: a misspelt name must fail as ENOENT, not as an odd create error.
    const fh = await open(path, constants.O_WRONLY);
    try {
      await fh.write(value);
    } finally {
      await fh.close();
    }
  });
}

async function readPids(procsFile: string): Promise<number[]> {
  let text: string;
  try {
    text = await readFile(procsFile, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return [];
    throw new KernelOpError('reading', procsFile, err);
  }
  return text
    .split('\n')
    .filter((l) => /^\d+$/.test(l))
    .map(Number);
}

/** Applies `ops` in order. Directories it creates are appended to `created` (for cleanup on failure). */
export async function applyCgroupOps(ops: readonly CgroupOp[], created: string[] = []): Promise<void> {
  for (const op of ops) {
    switch (op.kind) {
      case 'mkdir':
        try {
          await mkdir(op.path);
          created.push(op.path);
        } catch (err) {
          if (op.exclusive || errnoCode(err) !== 'EEXIST') throw new KernelOpError('creating', op.path, err);
        }
        break;
      case 'write':
        if (op.ifExists && !(await exists(op.path))) break;
        await writeCgroupFile(op.path, op.value);
        break;
      case 'chown':
        try {
          await chown(op.path, op.uid, op.gid);
        } catch (err) {
          if (!(op.ifExists && errnoCode(err) === 'ENOENT'))
            throw new KernelOpError(`chown ${op.uid}:${op.gid}`, op.path, err);
        }
        break;
      case 'enable-controllers': {
        const available = await withContext('reading', `${op.dir}/cgroup.controllers`, () =>
          readFile(`${op.dir}/cgroup.controllers`, 'utf8'),
        );
        const value = controllersToEnable(available, op.wanted);
        if (value !== '') await writeCgroupFile(`${op.dir}/cgroup.subtree_control`, value);
        break;
      }
      case 'move-procs':
        for (const pid of await readPids(`${op.from}/cgroup.procs`)) {
          try {
            await writeCgroupFile(`${op.to}/cgroup.procs`, String(pid));
          } catch (err) {
            // A process that exited meanwhile is fine.
            if (!(err instanceof KernelOpError && err.code === 'ESRCH')) throw err;
          }
        }
        break;
    }
  }
}

const parentReady = new Map<string, Promise<void>>();
/**
 * v2: the agent's leaf when this process made it (an agent started in a cgroup of processes, e.g. a login
 * session's scope, outside a delegated one), so that shutdown takes it away again (releaseAgentLeaf).
 */
let createdLeaf: string | undefined;

/** Creates and caps the gaiola parent (once per parent name; retried after a failure). */
export function ensureCgroupParent(cfg: KernelConfig, probe: HostProbe): Promise<void> {
  const key = `${probe.cgroup.mode}:${cfg.cgroupParent}`;
  let pending = parentReady.get(key);
  if (!pending) {
    const ops = planParent(probe.cgroup, cfg.cgroupParent, parentCaps(probe.memTotalBytes, probe.pidMax));
    const created: string[] = [];
    const leafDir = v2AgentLeafDir(probe.cgroup);
    pending = applyCgroupOps(ops, created).finally(() => {
      if (leafDir !== undefined && created.includes(leafDir)) createdLeaf = leafDir;
    });
    parentReady.set(key, pending);
    pending.catch(() => parentReady.delete(key));
  }
  return pending;
}

/** Creates one sandbox's cgroups with its limits, delegated to `uidBase`. Nothing is left if it fails. */
export async function createSandboxCgroups(
  cfg: KernelConfig,
  probe: HostProbe,
  id: string,
  uidBase: number,
): Promise<SandboxCgroupPaths> {
  const paths = sandboxCgroupPaths(probe.cgroup, cfg.cgroupParent, id);
  const ops = planSandbox(probe.cgroup, cfg.cgroupParent, id, cfg, uidBase, probe.v2DelegateFiles);
  const created: string[] = [];
  try {
    await applyCgroupOps(ops, created);
  } catch (err) {
    for (const dir of created.reverse()) await removeCgroupTree(dir).catch(() => undefined);
    throw err;
  }
  return paths;
}

/** Every directory of the cgroup tree at `dir`, children before parents. */
async function treePostOrder(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return [];
    throw new KernelOpError('listing', dir, err);
  }
  const out: string[] = [];
  for (const e of entries) if (e.isDirectory()) out.push(...(await treePostOrder(`${dir}/${e.name}`)));
  out.push(dir);
  return out;
}

/**
 * Kills every process left in the cgroup tree at `dir` (they belong to the sandbox: only it and the
 * launcher put processes there) and removes the tree depth-first, student-made child cgroups included.
 * Returns the PIDs it signalled. A missing tree is fine.
 */
export async function removeCgroupTree(dir: string): Promise<{ killed: Set<number> }> {
  const killed = new Set<number>();
  const deadline = Date.now() + RMDIR_RETRY_MS;
  let thawed = false;
  for (;;) {
    const dirs = await treePostOrder(dir);
    if (dirs.length === 0) return { killed };
    if (!thawed) {
      // Frozen processes cannot die: thaw what a student may have frozen (v1 freezer, v2 cgroup.freeze).
      for (const d of dirs) {
        if (await exists(`${d}/freezer.state`))
          await writeCgroupFile(`${d}/freezer.state`, 'THAWED').catch(() => undefined);
        if (await exists(`${d}/cgroup.freeze`)) await writeCgroupFile(`${d}/cgroup.freeze`, '0').catch(() => undefined);
      }
      thawed = true;
    }
    for (const d of dirs) {
      for (const pid of await readPids(`${d}/cgroup.procs`)) {
        if (pid === process.pid) continue;
        try {
          process.kill(pid, 'SIGKILL');
          killed.add(pid);
        } catch (err) {
          if (errnoCode(err) !== 'ESRCH') throw new KernelOpError(`kill -9 ${pid} listed in`, `${d}/cgroup.procs`, err);
        }
      }
    }
    let busy: { dir: string; err: unknown } | undefined;
    for (const d of dirs) {
      try {
        await rmdir(d);
      } catch (err) {
        const code = errnoCode(err);
        if (code === 'ENOENT') continue;
        if (code !== 'EBUSY' && code !== 'ENOTEMPTY') throw new KernelOpError('removing', d, err);
        busy ??= { dir: d, err };
      }
    }
    if (!busy) return { killed };
    if (Date.now() > deadline)
      throw new KernelOpError(`removing (still busy after ${RMDIR_RETRY_MS} ms)`, busy.dir, busy.err);
    await sleep(RMDIR_RETRY_STEP_MS);
  }
}

/** Removes one sandbox's cgroup trees (all hierarchies), even when one of them fails; throws the first error. */
export async function removeSandboxCgroups(paths: SandboxCgroupPaths): Promise<Set<number>> {
  const results = await Promise.allSettled(paths.dirs.map((d) => removeCgroupTree(d)));
  const killed = new Set<number>();
  for (const r of results) {
    if (r.status === 'rejected') throw r.reason;
    for (const pid of r.value.killed) killed.add(pid);
  }
  return killed;
}

/** Removes every sandbox cgroup under the gaiola parent: what a crashed agent left. */
export async function reclaimCgroups(
  cfg: KernelConfig,
  probe: HostProbe,
): Promise<{ cgroups: number; processes: number }> {
  const names = new Set<string>();
  const killed = new Set<number>();
  for (const parent of parentDirs(probe.cgroup, cfg.cgroupParent)) {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(parent, { withFileTypes: true });
    } catch (err) {
      if (errnoCode(err) === 'ENOENT') continue;
      throw new KernelOpError('listing', parent, err);
    }
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      names.add(e.name);
      for (const pid of (await removeCgroupTree(`${parent}/${e.name}`)).killed) killed.add(pid);
    }
  }
  return { cgroups: names.size, processes: killed.size };
}

/**
 * v2, at shutdown, after the gaiola parent is gone: removes the agent's leaf if this process made it and no
 * other agent's parent is left beside it (planLeafRelease), so an agent started in a login session leaves the
 * session's cgroup as it found it. Processes forked in the leaf meanwhile (a shell's next command) are moved
 * too: the move repeats until the leaf is empty. Returns the removed leaf.
 * `leafDir`: a leaf this process did not make, for a test's teardown after the agent that made it was SIGKILLed.
 */
export async function releaseAgentLeaf(
  probe: HostProbe,
  leafDir: string | undefined = createdLeaf,
): Promise<string | undefined> {
  if (probe.cgroup.mode !== 'v2' || leafDir === undefined) return undefined;
  const service = `${probe.cgroup.mountPoint}${v2AgentCgroups(probe.cgroup.ownPath).service}`.replace(/\/+$/, '');
  let children: string[];
  try {
    children = (await readdir(service, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined; // the service itself is gone (a stopped scope)
    throw new KernelOpError('listing', service, err);
  }
  const subtree = await withContext('reading', `${service}/cgroup.subtree_control`, () =>
    readFile(`${service}/cgroup.subtree_control`, 'utf8'),
  );
  const plan = planLeafRelease(probe.cgroup, children, subtree);
  if (!plan || plan.leafDir !== leafDir) return undefined;
  if (plan.disable !== '') await writeCgroupFile(`${plan.serviceDir}/cgroup.subtree_control`, plan.disable);
  const deadline = Date.now() + RMDIR_RETRY_MS;
  for (;;) {
    await applyCgroupOps([{ kind: 'move-procs', from: plan.leafDir, to: plan.serviceDir }]);
    try {
      await rmdir(plan.leafDir);
      break;
    } catch (err) {
      const code = errnoCode(err);
      if (code === 'ENOENT') break;
      if (code !== 'EBUSY' || Date.now() > deadline) throw new KernelOpError('removing', plan.leafDir, err);
      await sleep(RMDIR_RETRY_STEP_MS);
    }
  }
  if (createdLeaf === leafDir) createdLeaf = undefined;
  return plan.leafDir;
}

/**
 * Removes the gaiola parent directories when no sandbox is left in them. No retry: no process is ever in a
 * parent itself, so it is busy only while a sandbox's directory is still in it, which removeCgroupTree has
 * already waited for (or another agent's sandboxes run there); waiting longer here would not free it.
 */
export async function removeParentCgroups(cfg: KernelConfig, probe: HostProbe): Promise<void> {
  for (const dir of parentDirs(probe.cgroup, cfg.cgroupParent)) {
    try {
      await rmdir(dir);
    } catch (err) {
      const code = errnoCode(err);
      // ENOENT: never made; EBUSY/ENOTEMPTY: a sandbox is still there (another agent's?), keep it.
      if (code !== 'ENOENT' && code !== 'EBUSY' && code !== 'ENOTEMPTY') throw new KernelOpError('removing', dir, err);
    }
  }
  parentReady.delete(`${probe.cgroup.mode}:${cfg.cgroupParent}`);
}
