// The iproute2 JSON and /proc/net/arp readers, on text in the shapes `ip -j -d -s addr show`,
// `ip -j -4 route show` and the kernel print (recorded on this machine, trimmed).
import { describe, expect, it } from 'vitest';
import { parseArp, parseIpAddr, parseIpRoute } from './inspect-net';

const ADDR = JSON.stringify([
  {
    ifindex: 1,
    ifname: 'lo',
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
    addr_info: [{ family: 'inet', local: '127.0.0.1', prefixlen: 8 }],
    stats64: { rx: { packets: 4 }, tx: { packets: 4 } },
  },
  {
    ifindex: 3,
    link_index: 2,
    ifname: 'veth0',
    flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
    master: 'br0',
    link_netnsid: 0,
    linkinfo: { info_kind: 'veth', info_slave_kind: 'bridge' },
    addr_info: [{ family: 'inet6', local: 'fe80::1', prefixlen: 64 }],
    stats64: { rx: { packets: 7 }, tx: { packets: 9 } },
  },
  {
    ifindex: 4,
    ifname: 'br0',
    flags: ['UP'],
    linkinfo: { info_kind: 'bridge' },
    addr_info: [{ family: 'inet', local: '10.200.0.1', prefixlen: 24 }],
  },
  { ifindex: 5, ifname: 'a', link: 'b', flags: [], linkinfo: { info_kind: 'veth' } },
  { ifindex: 6, ifname: 'b', link: 'a', flags: [], linkinfo: { info_kind: 'veth' } },
  { ifname: 'no-index' },
]);

describe('parseIpAddr', () => {
  it('reads kind, state, bridge, peer, addresses and counters', () => {
    const ifs = parseIpAddr(ADDR);
    expect(ifs.map((i) => i.name)).toEqual(['lo', 'veth0', 'br0', 'a', 'b']);
    expect(ifs[1]).toEqual({
      ifindex: 3,
      name: 'veth0',
      kind: 'veth',
      up: true,
      master: 'br0',
      linkIndex: 2,
      linkNetnsId: 0,
      addrs: ['fe80::1/64'],
      rxPackets: 7,
      txPackets: 9,
    });
    expect(ifs[2]).toMatchObject({ kind: 'bridge', addrs: ['10.200.0.1/24'], rxPackets: 0 });
    expect(ifs[0]).toMatchObject({ kind: '', up: true, linkIndex: null });
  });
  it('gives a same-namespace veth peer its ifindex from the name', () => {
    const ifs = parseIpAddr(ADDR);
    expect(ifs[3]).toMatchObject({ linkIndex: 6, linkNetnsId: null, up: false });
    expect(ifs[4]).toMatchObject({ linkIndex: 5 });
  });
  it('refuses what is not a JSON array', () => {
    expect(() => parseIpAddr('{}')).toThrow(/not a JSON array/);
    expect(() => parseIpAddr('not json')).toThrow(SyntaxError);
  });
});

describe('parseIpRoute and parseArp', () => {
  it('reads routes with their gateway', () => {
    expect(
      parseIpRoute(
        '[{"dst":"default","gateway":"10.200.0.1","dev":"ceth1","flags":[]},{"dst":"10.200.0.0/24","dev":"ceth1","protocol":"kernel","scope":"link","prefsrc":"10.200.0.3","flags":[]}]',
      ),
    ).toEqual([
      { dst: 'default', gateway: '10.200.0.1', dev: 'ceth1' },
      { dst: '10.200.0.0/24', gateway: null, dev: 'ceth1' },
    ]);
  });
  it('keeps the ARP entries traffic made, not incomplete or hand-made ones', () => {
    const arp = [
      'IP address       HW type     Flags       HW address            Mask     Device',
      '10.200.0.2       0x1         0x2         4a:9c:12:34:56:78     *        veth0',
      '10.200.0.9       0x1         0x0         00:00:00:00:00:00     *        veth0',
      '10.200.0.7       0x1         0x6         4a:9c:12:34:56:79     *        veth0',
      '',
    ].join('\n');
    expect(parseArp(arp)).toEqual([{ ip: '10.200.0.2', dev: 'veth0' }]);
  });
});
