// The sandbox's processes as a tree by parent PID. The roots are the processes whose parent is not listed:
// the sandbox's init (PID 1), and the shells, which the launcher joined from outside the sandbox's PID
// namespace (their parent PID reads 0).
import type { PanelProc, PanelView } from '@protocol';

export interface ProcNode {
  proc: PanelProc;
  children: ProcNode[];
}

/** The PID the sandbox sees (first of `pids`). */
export function sandboxPid(proc: PanelProc): number {
  return proc.pids[0] ?? Number(proc.key);
}

/** Command names by the PID the sandbox sees. */
export function commsByPid(view: PanelView): Map<number, string> {
  return new Map(view.procs.map((p) => [sandboxPid(p), p.comm]));
}

export function procTree(procs: readonly PanelProc[]): ProcNode[] {
  const sorted = [...procs].sort((a, b) => sandboxPid(a) - sandboxPid(b));
  const byPid = new Map(sorted.map((p) => [sandboxPid(p), p]));
  const children = new Map<number, PanelProc[]>();
  for (const p of sorted) {
    if (p.ppid === sandboxPid(p) || !byPid.has(p.ppid)) continue;
    children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  }
  // Two readings a moment apart can disagree (a PID reused in between): never walk a loop twice.
  const placed = new Set<number>();
  const build = (p: PanelProc): ProcNode => {
    placed.add(sandboxPid(p));
    const kids = (children.get(sandboxPid(p)) ?? []).filter((c) => !placed.has(sandboxPid(c)));
    return { proc: p, children: kids.map(build) };
  };
  const roots: ProcNode[] = [];
  for (const p of sorted) {
    const orphan = p.ppid === sandboxPid(p) || !byPid.has(p.ppid);
    if (orphan && !placed.has(sandboxPid(p))) roots.push(build(p));
  }
  // What a loop left out is still shown, at the top level.
  for (const p of sorted) if (!placed.has(sandboxPid(p))) roots.push(build(p));
  return roots;
}

/** Every node, parents before children, with its depth: the tree as rows. */
export function flattenTree<T extends { children: T[] }>(roots: readonly T[], depth = 0): { node: T; depth: number }[] {
  return roots.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)]);
}
