// Two per-network-namespace /proc files the lesson 14 checks read (as host root, through a process of the
// namespace: /proc/PID/net/...), parsed leniently: a line of another shape is left out, never trusted.
//   /proc/PID/net/tcp, tcp6 (proc_net_tcp(5)): `sl local_address rem_address st ...`, addresses in hex, the
//   port after ':', st 0A = TCP_LISTEN.
//   /proc/PID/net/nf_conntrack (CONFIG_NF_CONNTRACK_PROCFS): one connection a line,
//   `ipv4 2 tcp 6 117 TIME_WAIT src=A dst=B sport=P dport=Q [UNREPLIED] src=C dst=D sport=R dport=S [ASSURED] …`:
//   the first tuple as the packet left its sender, the second as the answer is expected. A DNAT shows as a
//   reply tuple whose source is not the original destination.
import { lines } from './text';

/** Lines of either file beyond this are not read (a namespace full of sockets must not grow the agent). */
export const MAX_NET_LINES = 4096;

const TCP_LISTEN = '0A';
const HEX_PORT = /^[0-9A-Fa-f]{1,4}$/;

/** TCP ports something listens on, from /proc/PID/net/tcp or tcp6 (sorted, each once). */
export function parseTcpListenPorts(text: string): number[] {
  const ports = new Set<number>();
  for (const line of lines(text).slice(1, MAX_NET_LINES + 1)) {
    const f = line.trim().split(/\s+/);
    const local = f[1] ?? '';
    const port = local.slice(local.lastIndexOf(':') + 1);
    if (f[3] !== TCP_LISTEN || !local.includes(':') || !HEX_PORT.test(port)) continue;
    ports.add(Number.parseInt(port, 16));
  }
  return [...ports].sort((a, b) => a - b);
}

/** One end-to-end tuple of a tracked connection. */
export interface ConntrackTuple {
  src: string;
  dst: string;
  /** Ports: null for a protocol without them (icmp). */
  sport: number | null;
  dport: number | null;
}

export interface ConntrackEntry {
  /** 'tcp', 'udp', 'icmp', … */
  proto: string;
  /** The connection as its first packet left the sender. */
  orig: ConntrackTuple;
  /** The connection as the answer is expected: after a DNAT, its source is where the packet really went. */
  reply: ConntrackTuple;
  /**
   * [ASSURED]: packets went both ways, and for TCP the handshake completed (a connection refused with a reset
   * was answered, but never assured).
   */
  assured: boolean;
}

const PORT = /^\d{1,5}$/;
const port = (v: string | undefined): number | null => (v !== undefined && PORT.test(v) ? Number(v) : null);

/** The IPv4 and IPv6 connections of /proc/PID/net/nf_conntrack that have both tuples. */
export function parseConntrack(text: string): ConntrackEntry[] {
  const out: ConntrackEntry[] = [];
  for (const line of lines(text).slice(0, MAX_NET_LINES)) {
    const f = line.trim().split(/\s+/);
    if ((f[0] !== 'ipv4' && f[0] !== 'ipv6') || f[2] === undefined) continue;
    const tuples: Partial<Record<'src' | 'dst' | 'sport' | 'dport', string>>[] = [];
    let assured = false;
    for (const tok of f.slice(3)) {
      if (tok === '[ASSURED]') assured = true;
      const eq = tok.indexOf('=');
      if (eq < 0) continue;
      const key = tok.slice(0, eq);
      if (key !== 'src' && key !== 'dst' && key !== 'sport' && key !== 'dport') continue;
      // a key seen again starts the reply tuple
      if (tuples.length === 0 || tuples[tuples.length - 1]?.[key] !== undefined) tuples.push({});
      const t = tuples[tuples.length - 1];
      if (t) t[key] = tok.slice(eq + 1);
    }
    const [o, r] = tuples;
    if (tuples.length !== 2 || !o?.src || !o.dst || !r?.src || !r.dst) continue;
    out.push({
      proto: f[2],
      orig: { src: o.src, dst: o.dst, sport: port(o.sport), dport: port(o.dport) },
      reply: { src: r.src, dst: r.dst, sport: port(r.sport), dport: port(r.dport) },
      assured,
    });
  }
  return out;
}
