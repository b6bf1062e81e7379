// Probe: networking a student builds inside a sandbox (curriculum.md lesson 12; research/sandbox.md §1.2):
// network namespaces, a veth pair, addresses, routes, ping across, a bridge joining two namespaces. All of
// it lives in the sandbox's own network namespace: the host's namespaces and links must not change.
import { describe, expect, it } from 'vitest';
import { kernelSuite } from './kernel-helpers';
import { expectPingAnswered, useProbeSandbox } from './probe-helpers';

const { skip } = kernelSuite('probe-network');

describe.skipIf(skip !== undefined)('probe: networking inside a sandbox', () => {
  const p = useProbeSandbox('probe-net');

  it('ip netns add, a veth pair between two namespaces, addresses, ping across', async () => {
    const t = p.term;
    await t.ok(
      'ip netns add a && ip netns add b && ip link add va type veth peer name vb && ' +
        'ip link set va netns a && ip link set vb netns b && ' +
        'ip -n a addr add 10.200.0.1/24 dev va && ip -n b addr add 10.200.0.2/24 dev vb && ' +
        'ip -n a link set va up && ip -n b link set vb up && ip -n a link set lo up',
    );
    expect((await t.ok('ip netns list | cut -d" " -f1 | sort')).split('\n')).toEqual(['a', 'b']);
    expect(await t.ok("ip -n b -o -4 addr show dev vb | awk '{print $4}'")).toBe('10.200.0.2/24');
    await expectPingAnswered(t, 'ip netns exec a ping -c1 -W2 10.200.0.2');
  });

  it('routes: a route via the peer is listed, and reaches an address behind it', async () => {
    const t = p.term;
    // b holds a second address on lo, reachable from a only through the new route
    await t.ok('ip -n b link set lo up && ip -n b addr add 10.201.0.1/32 dev lo');
    expect((await t.run('ip netns exec a ping -c1 -W1 10.201.0.1')).code).not.toBe(0);
    await t.ok('ip -n a route add 10.201.0.0/24 via 10.200.0.2');
    expect(await t.ok('ip -n a route show 10.201.0.0/24')).toMatch(/^10\.201\.0\.0\/24 via 10\.200\.0\.2 dev va/);
    await expectPingAnswered(t, 'ip netns exec a ping -c1 -W2 10.201.0.1');
  });

  it('a bridge joins two namespaces; ping crosses it', async () => {
    const t = p.term;
    await t.ok(
      'ip link add br0 type bridge && ip link set br0 up && ip netns add c && ip netns add d && ' +
        'for n in c d; do ip link add v$n type veth peer name v$n-br && ip link set v$n-br master br0 up && ' +
        'ip link set v$n netns $n && ip -n $n link set v$n up && ip -n $n link set lo up; done && ' +
        'ip -n c addr add 10.202.0.1/24 dev vc && ip -n d addr add 10.202.0.2/24 dev vd',
    );
    expect(
      (await t.ok('ip -o link show master br0 | awk -F": " \'{print $2}\' | cut -d@ -f1 | sort')).split('\n'),
    ).toEqual(['vc-br', 'vd-br']);
    await expectPingAnswered(t, 'ip netns exec c ping -c1 -W2 10.202.0.2');
  });

  it('leaves nothing on the host (the namespaces and links above die with the sandbox)', async () => {
    await p.destroyAndCheckHost();
  });
});
