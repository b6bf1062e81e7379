// The /proc/PID/net/tcp{,6} and nf_conntrack readers, on lines as this machine's kernel (6.18) printed them in
// a sandbox (a busybox httpd on port 80 in a container; a wget through a DNAT rule), and on junk.
import { describe, expect, it } from 'vitest';
import { MAX_NET_LINES, parseConntrack, parseTcpListenPorts } from './net';

const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1744430 1 00000000921e7ca0 100 0 0 10 0
`;
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1091 1 0000000059e93418 100 0 0 10 0
   1: 020011AC:0050 010011AC:8EEA 06 00000000:00000000 03:00001770 00000000     0        0 0 3 000000000dbbdbd2
`;
const CONNTRACK = `ipv4     2 tcp      6 120 TIME_WAIT src=172.17.0.1 dst=172.17.0.1 sport=36586 dport=8080 src=172.17.0.2 dst=172.17.0.1 sport=80 dport=36586 [ASSURED] mark=0 zone=0 use=2
ipv4     2 tcp      6 118 SYN_SENT src=172.17.0.1 dst=172.17.0.1 sport=41234 dport=8080 [UNREPLIED] src=172.17.0.2 dst=172.17.0.1 sport=80 dport=41234 mark=0 zone=0 use=2
ipv4     2 icmp     1 29 src=172.17.0.1 dst=172.17.0.2 type=8 code=0 id=7 src=172.17.0.2 dst=172.17.0.1 type=0 code=0 id=7 mark=0 zone=0 use=2
ipv4     2 tcp      6 9 CLOSE src=172.17.0.1 dst=172.17.0.1 sport=50066 dport=8080 src=172.17.0.2 dst=172.17.0.1 sport=80 dport=50066 mark=0 zone=0 use=2
`;

describe('parseTcpListenPorts', () => {
  it('reads listening ports of both files, not connected sockets', () => {
    expect(parseTcpListenPorts(TCP6)).toEqual([80]);
    expect(parseTcpListenPorts(TCP)).toEqual([8080]);
  });
  it('leaves out junk and an empty file', () => {
    expect(parseTcpListenPorts('')).toEqual([]);
    expect(parseTcpListenPorts('header\n 0: nocolon x 0A\n 1: 0:XYZZY 0:0 0A\n 2: 0:0050')).toEqual([]);
  });
});

describe('parseConntrack', () => {
  it('reads both tuples and whether the connection was assured', () => {
    const [done, pending, icmp, refused] = parseConntrack(CONNTRACK);
    expect(done).toEqual({
      proto: 'tcp',
      orig: { src: '172.17.0.1', dst: '172.17.0.1', sport: 36586, dport: 8080 },
      reply: { src: '172.17.0.2', dst: '172.17.0.1', sport: 80, dport: 36586 },
      assured: true,
    });
    expect(pending).toMatchObject({ assured: false, reply: { src: '172.17.0.2', sport: 80 } });
    expect(icmp).toMatchObject({ proto: 'icmp', orig: { sport: null, dport: null }, assured: false });
    expect(refused).toMatchObject({ assured: false, reply: { src: '172.17.0.2', sport: 80 } });
  });
  it('leaves out lines without two tuples, of another family, or with bad ports', () => {
    expect(parseConntrack('')).toEqual([]);
    expect(parseConntrack('ipv4 2 tcp 6 1 src=a dst=b sport=1 dport=2\nfoo 2 tcp src=a dst=b src=c dst=d')).toEqual([]);
    expect(parseConntrack('ipv4 2 tcp 6 1 src=a dst=b sport=99999999 dport=2 src=c dst=d sport=x dport=1')).toEqual([
      {
        proto: 'tcp',
        orig: { src: 'a', dst: 'b', sport: null, dport: 2 },
        reply: { src: 'c', dst: 'd', sport: null, dport: 1 },
        assured: false,
      },
    ]);
  });
  it('reads a bounded number of lines', () => {
    const line = CONNTRACK.split('\n')[0];
    expect(parseConntrack(`${line}\n`.repeat(MAX_NET_LINES + 10))).toHaveLength(MAX_NET_LINES);
  });
});
