// The network namespaces of a sandbox for the lesson 10-14 checks: interfaces (kind, state, bridge, veth
// peer, addresses, packet counters) and IPv4 routes, read through the launcher's `netinfo`, which joins one
// namespace and runs the host's iproute2 with a fixed argument list (`ip -j …`). The JSON is parsed here,
// field by field, and anything unexpected is left out rather than trusted. The ARP table, listening TCP
// ports and tracked connections come from the namespace's own /proc/PID/net files, read as host root.
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { type ProcessRef, runLauncherQuery, targetArgs } from './launcher-run';
import { parseConntrack, parseTcpListenPorts, statStartTime } from './parse';
import type { NetInterface, NetNamespace } from './snapshot';

/** Namespaces of the student's a snapshot reads at most (two launcher spawns each). */
export const MAX_NET_QUERIES = 8;
/** A namespace with more text than this is left out (an interface loop must not grow the agent). */
const MAX_NETINFO_BYTES = 512 * 1024;

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** `ip -j -d -s addr show` → interfaces. Same-namespace veth peers (named in `link`) get their ifindex. */
export function parseIpAddr(text: string): NetInterface[] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('ip addr: not a JSON array');
  const raw = data.filter(isObj);
  const byName = new Map<string, number>();
  for (const d of raw) {
    const name = str(d.ifname);
    const index = num(d.ifindex);
    if (name !== null && index !== null) byName.set(name, index);
  }
  const out: NetInterface[] = [];
  for (const d of raw) {
    const ifindex = num(d.ifindex);
    const name = str(d.ifname);
    if (ifindex === null || name === null) continue;
    const flags = Array.isArray(d.flags) ? d.flags.filter((f): f is string => typeof f === 'string') : [];
    const kind = isObj(d.linkinfo) ? (str(d.linkinfo.info_kind) ?? '') : '';
    const peerName = str(d.link);
    const addrs = (Array.isArray(d.addr_info) ? d.addr_info : [])
      .filter(isObj)
      .map((a) => (str(a.local) !== null && num(a.prefixlen) !== null ? `${a.local}/${a.prefixlen}` : null))
      .filter((a): a is string => a !== null);
    const stats = isObj(d.stats64) ? d.stats64 : {};
    const packets = (dir: unknown) => (isObj(dir) ? (num(dir.packets) ?? 0) : 0);
    out.push({
      ifindex,
      name,
      kind,
      up: flags.includes('UP'),
      master: str(d.master),
      linkIndex: num(d.link_index) ?? (peerName !== null ? (byName.get(peerName) ?? null) : null),
      linkNetnsId: num(d.link_netnsid),
      addrs,
      rxPackets: packets(stats.rx),
      txPackets: packets(stats.tx),
    });
  }
  return out;
}

/** `ip -j -4 route show table main` → routes. */
export function parseIpRoute(text: string): NetNamespace['routes'] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) throw new Error('ip route: not a JSON array');
  return data
    .filter(isObj)
    .map((r) => ({ dst: str(r.dst) ?? '', gateway: str(r.gateway), dev: str(r.dev) }))
    .filter((r) => r.dst !== '');
}

/**
 * /proc/PID/net/arp: the entries of the ARP table of PID's namespace that traffic made, complete (flags 0x2,
 * ATF_COM) and not typed in by hand (0x4, ATF_PERM: `ip neigh add` makes those).
 */
export function parseArp(text: string): NetNamespace['neighbors'] {
  return text
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 6 && f[0] !== undefined && (Number.parseInt(f[2] ?? '0', 16) & 0x6) === 0x2)
    .map((f) => ({ ip: f[0] as string, dev: f[5] as string }));
}

/** A /proc/PID/net file read up to `max` bytes ('' when absent: tcp6 without IPv6, nf_conntrack without conntrack). */
function readProcNet(pid: number, name: string, max = MAX_NETINFO_BYTES): string {
  let fd: number;
  try {
    fd = openSync(`/proc/${pid}/net/${name}`, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && existsSync(`/proc/${pid}/net`)) return '';
    throw err;
  }
  try {
    const buf = Buffer.alloc(max);
    let len = 0;
    for (let n = 1; n > 0 && len < max; len += n) n = readSync(fd, buf, len, max - len, null);
    // a cut last line is left out by the parsers (it lacks fields) or read short: trim to the last newline
    const text = buf.subarray(0, len).toString('utf8');
    return len < max ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  } finally {
    closeSync(fd);
  }
}

/**
 * The network namespace of process `proc`; undefined when it is gone (or its pid is another's now) or the text
 * is too large or malformed.
 */
export async function readNetNamespace(launcherPath: string, proc: ProcessRef): Promise<NetNamespace | undefined> {
  const { pid, startTime } = proc;
  const ask = (what: 'addr' | 'route') =>
    runLauncherQuery(
      launcherPath,
      ['netinfo', ...targetArgs(pid, startTime), '--what', what],
      undefined,
      MAX_NETINFO_BYTES + 1,
    );
  const [addr, route] = await Promise.all([ask('addr'), ask('route')]);
  for (const r of [addr, route]) {
    if (r.code === 2) return undefined; // the process exited meanwhile (its pid may be another's now)
    if (r.code !== 0)
      throw new Error(`netinfo of pid ${pid}: ${r.stderr || `launcher ${r.signal ?? `exit ${r.code}`}`}`);
    if (r.stdout.length > MAX_NETINFO_BYTES) return undefined;
  }
  let arp: string;
  let tcp: string;
  let conntrack: string;
  try {
    // Read as host root from /proc: the tables of the process's own network namespace. Its pid still names
    // the same process after the read (a process never comes back), so the tables were that process's.
    arp = readFileSync(`/proc/${pid}/net/arp`, 'utf8');
    tcp = readProcNet(pid, 'tcp') + readProcNet(pid, 'tcp6');
    conntrack = readProcNet(pid, 'nf_conntrack');
    if (startTime !== undefined && statStartTime(readFileSync(`/proc/${pid}/stat`, 'utf8')) !== startTime)
      return undefined;
  } catch {
    return undefined; // the process exited meanwhile
  }
  try {
    return {
      interfaces: parseIpAddr(addr.stdout),
      routes: parseIpRoute(route.stdout),
      neighbors: parseArp(arp),
      listenPorts: parseTcpListenPorts(tcp),
      conntrack: parseConntrack(conntrack),
    };
  } catch (err) {
    if (err instanceof SyntaxError || (err instanceof Error && err.message.includes('not a JSON array')))
      return undefined;
    throw err;
  }
}
