// The cgroups the panel read, as a tree by path: each group's parent is its nearest listed ancestor
// ('/' is the sandbox's own group; a v1 path appears once even when several hierarchies have it).
import type { PanelCgroup } from '@protocol';

export interface CgroupNode {
  cgroup: PanelCgroup;
  /** The last part of the path ('/' for the sandbox's group). */
  name: string;
  children: CgroupNode[];
}

function parentPath(path: string): string | null {
  if (path === '/' || path === '') return null;
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

export function cgroupTree(cgroups: readonly PanelCgroup[]): CgroupNode[] {
  const sorted = [...cgroups].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const nodes = new Map<string, CgroupNode>();
  for (const cgroup of sorted) {
    const name = cgroup.path === '/' ? '/' : (cgroup.path.replace(/\/+$/, '').split('/').pop() ?? cgroup.path);
    nodes.set(cgroup.path, { cgroup, name, children: [] });
  }
  const roots: CgroupNode[] = [];
  for (const node of nodes.values()) {
    let up = parentPath(node.cgroup.path);
    while (up !== null && !nodes.has(up)) up = parentPath(up);
    const parent = up === null ? undefined : nodes.get(up);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
