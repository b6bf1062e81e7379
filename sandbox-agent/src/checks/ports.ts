// Lesson 14 (ports and names): a server listening in a container's network namespace, a connection to the
// sandbox's own address translated (DNAT) to it and answered, and a container whose /etc/hosts and
// /etc/resolv.conf are files of its own, bind-mounted in its mount namespace as Docker does. From the
// namespaces' listening sockets and tracked connections (/proc/PID/net/tcp{,6}, nf_conntrack) and the
// container's mount table; what was typed never counts.
import type { ConntrackEntry } from '../kernel/parse/net';
import type { NetNamespace, SandboxSnapshot } from '../kernel/snapshot';
import { baseNet, studentNets } from './network';
import { type CheckResult, defineCheck } from './types';

/** A namespace of the student's with `addr` ("IP/PREFIX") on a veth whose peer is in another namespace. */
function containerWith(snap: SandboxSnapshot, addr: string): NetNamespace | undefined {
  return studentNets(snap).find(([, n]) =>
    n.interfaces.some((i) => i.kind === 'veth' && i.linkNetnsId !== null && i.addrs.includes(addr)),
  )?.[1];
}

/** Something listens on TCP `port` in the container that has `addr`. */
export const netListener = defineCheck('net-listener', (snap, params): CheckResult => {
  const { addr, port } = params;
  const n = containerWith(snap, addr);
  if (!n) return { done: false, hint: 'no-container', params: { addr } };
  const ports = n.listenPorts ?? [];
  if (ports.includes(port)) return { done: true };
  // What does listen there, when something does: a server started on another port.
  return ports.length > 0
    ? { done: false, hint: 'other-port', params: { port, addr, found: ports.join(', ') } }
    : { done: false, hint: 'no-listener', params: { port, addr } };
});

/** "172.17.0.1/16" → "172.17.0.1". */
const bare = (addr: string) => addr.split('/')[0] ?? addr;

/**
 * A TCP connection to one of the sandbox's own addresses on `port`, which the sandbox's namespace translated to
 * `to`:`toPort` (its reply tuple comes from there) and which was answered (assured: a refused one is not). Only a NAT rule in that namespace
 * makes such an entry: one in the container's namespace, or a connection straight to the container, does not.
 */
export const dnatConntrack = defineCheck('dnat-conntrack', (snap, params): CheckResult => {
  const { port, to, toPort } = params;
  const translated = (e: ConntrackEntry) =>
    e.proto === 'tcp' && e.orig.dport === port && e.reply.src === to && e.reply.sport === toPort && e.orig.dst !== to;
  const base = baseNet(snap);
  const own = new Set((base?.interfaces ?? []).flatMap((i) => i.addrs.map(bare)));
  const here = (base?.conntrack ?? []).filter((e) => translated(e) && own.has(e.orig.dst));
  if (here.some((e) => e.assured)) return { done: true };
  if (here.length > 0) return { done: false, hint: 'no-answer', params: { to, toPort } };
  if (studentNets(snap).some(([, n]) => (n.conntrack ?? []).some(translated)))
    return { done: false, hint: 'other-ns', params: { port } };
  return { done: false, hint: 'no-nat', params: { port, to, toPort } };
});

/**
 * A container (a process in a network and a mount namespace of the student's) whose `files` are each a bind
 * mount in its own mount table, of something other than the sandbox's own file: a file edited in place, a
 * bind mount in the sandbox's namespace, or the sandbox's file bound onto itself, count for nothing.
 */
export const etcBound = defineCheck('etc-bound', (snap, params): CheckResult => {
  const base = snap.base.ns;
  let worst: CheckResult = { done: false, hint: 'no-container' };
  for (const p of snap.processes) {
    if (p.ns.net === undefined || p.ns.net === base.net || p.ns.mnt === undefined || p.ns.mnt === base.mnt) continue;
    const table = snap.nsMounts[p.ns.mnt];
    if (!table) continue;
    // the last mount at a point is the one on top, the one a path there reaches
    const top = (point: string) => table.filter((m) => m.mountPoint === point).pop();
    const root = top('/');
    let result: CheckResult = { done: true };
    for (const file of params.files.split(',')) {
      const m = top(file);
      if (!m) {
        result = { done: false, hint: 'not-bound', params: { file } };
        break;
      }
      if (root && m.root === file && m.major === root.major && m.minor === root.minor) {
        result = { done: false, hint: 'own-file', params: { file } };
        break;
      }
    }
    if (result.done) return result;
    // the container that got furthest speaks: a missing second file over no mount at all
    if (worst.done === false && (worst.hint === 'no-container' || result.hint === 'own-file')) worst = result;
  }
  return worst;
});
