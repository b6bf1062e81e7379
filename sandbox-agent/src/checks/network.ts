// Lesson 10 (network): a veth pair between the sandbox's namespace and one of the student's, addresses on
// both ends, IPv4 traffic across, a bridge with veth ports, a default route. From the namespaces' own
// interface and route tables (snapshot.net, read through iproute2's netlink by the launcher).
import type { NetInterface, NetNamespace, SandboxSnapshot } from '../kernel/snapshot';
import { type CheckResult, defineCheck } from './types';

/** The sandbox's own network namespace, when read. */
export function baseNet(snap: SandboxSnapshot): NetNamespace | undefined {
  return snap.net?.[snap.base.ns.net];
}

/** The student's network namespaces (every one read but the sandbox's), with their inode. */
export function studentNets(snap: SandboxSnapshot): [number, NetNamespace][] {
  return Object.entries(snap.net ?? {})
    .filter(([ns]) => Number(ns) !== snap.base.ns.net)
    .map(([ns, n]) => [Number(ns), n]);
}

const named = (n: NetNamespace | undefined, name: string) => n?.interfaces.find((i) => i.name === name);

/** `inside` in a namespace of the student's, paired with `outside` in the sandbox's: each names the other's ifindex. */
function insideEnd(snap: SandboxSnapshot, outside: NetInterface, inside: string): NetInterface | undefined {
  for (const [, n] of studentNets(snap)) {
    const i = named(n, inside);
    if (i && i.linkIndex === outside.ifindex && outside.linkIndex === i.ifindex) return i;
  }
  return undefined;
}

export const vethPair = defineCheck('veth-pair', (snap, params): CheckResult => {
  const outside = params.outside;
  const inside = params.inside;
  const o = named(baseNet(snap), outside);
  if (o?.kind !== 'veth')
    // An interface of that name of another kind (a bridge, a dummy): the hint names its kind.
    return o?.kind
      ? { done: false, hint: 'not-veth', params: { outside, kind: o.kind } }
      : { done: false, hint: 'no-veth', params: { outside } };
  if (insideEnd(snap, o, inside)) return { done: true };
  if (named(baseNet(snap), inside) || !studentNets(snap).some(([, n]) => named(n, inside)))
    return { done: false, hint: 'not-moved', params: { inside } };
  return { done: false, hint: 'not-peers', params: { outside, inside } };
});

/** Both ends up, each with its address. */
export const ifaceUp = defineCheck('iface-up', (snap, params): CheckResult => {
  const outside = params.outside;
  const inside = params.inside;
  const o = named(baseNet(snap), outside);
  const i = o ? insideEnd(snap, o, inside) : undefined;
  for (const [iface, addr, end] of [
    [outside, params.outsideAddr, o],
    [inside, params.insideAddr, i],
  ] as const) {
    if (!end?.addrs.includes(addr)) {
      // IPv4 only: an interface brought up gets an IPv6 link-local address by itself, which the step never asks for.
      const found = end?.addrs.filter((a) => !a.includes(':')).join(', ');
      return found
        ? { done: false, hint: 'other-addr', params: { iface, addr, found } }
        : { done: false, hint: 'no-addr', params: { iface, addr } };
    }
    if (!end.up) return { done: false, hint: 'down', params: { iface } };
  }
  return { done: true };
});

/**
 * IPv4 went across `outside`: the sandbox's namespace has a complete ARP entry on it. Packet counters alone
 * would not do: an interface brought up sends IPv6 router solicitations by itself. Not yet: `outside` is not in
 * the sandbox's namespace (`no-veth`), or no IPv4 neighbour answered on it (`no-traffic`, with the packet counters
 * it has, which show whether anything crossed at all).
 */
export const vethTraffic = defineCheck('veth-traffic', (snap, params): CheckResult => {
  const outside = params.outside;
  const n = baseNet(snap);
  const o = named(n, outside);
  if (!o) return { done: false, hint: 'no-veth', params: { outside } };
  // once veth0 is a bridge port, ARP entries are on the bridge
  const devs = new Set([outside, ...(o.master ? [o.master] : [])]);
  if (n?.neighbors.some((e) => devs.has(e.dev)) && o.rxPackets > 0 && o.txPackets > 0) return { done: true };
  return { done: false, hint: 'no-traffic', params: { outside, rx: o.rxPackets, tx: o.txPackets } };
});

/** A bridge in the sandbox's namespace with `min` veth ports or more whose other ends are in other namespaces. */
export const bridgeJoined = defineCheck('bridge-joined', (snap, params): CheckResult => {
  const bridge = params.bridge;
  const min = params.min;
  const n = baseNet(snap);
  if (named(n, bridge)?.kind !== 'bridge') return { done: false, hint: 'no-bridge', params: { bridge } };
  const found = (n?.interfaces ?? []).filter(
    (i) => i.master === bridge && i.kind === 'veth' && i.linkNetnsId !== null,
  ).length;
  return found >= min ? { done: true } : { done: false, hint: 'few-ports', params: { bridge, found, min } };
});

/** A namespace of the student's routes by default through `via`. */
export const defaultRoute = defineCheck('default-route', (snap, params): CheckResult => {
  const via = params.via;
  const gateways = studentNets(snap).flatMap(([, n]) =>
    n.routes.filter((r) => r.dst === 'default' && r.gateway !== null).map((r) => r.gateway as string),
  );
  if (gateways.includes(via)) return { done: true };
  return gateways.length > 0
    ? { done: false, hint: 'other-route', params: { via, found: [...new Set(gateways)].join(', ') } }
    : { done: false, hint: 'no-route', params: { via } };
});
