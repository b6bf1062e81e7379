// Lesson 14 (ports and names) on real sandboxes, with the commands the page shows: before anything no step
// is done; fakes pass nothing (a server in the sandbox's own namespace, /etc/hosts edited in place, bound in
// the sandbox's namespace or onto itself, a connection straight to the container, the DNAT rule in the
// container's namespace, a translated connection the container never answered); iptables passes as nft does; the
// lesson's own commands, typed in order, turn each step done as it comes.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/14-ports-and-names/lesson';
import type { CheckResult } from '../src/checks/types';
import type { SandboxSnapshot } from '../src/kernel/snapshot';
import { describeSolvedLesson, type LessonRig, lessonRig, notDone, record, typeLine, typeStep } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const suite = kernelSuite('checks-14-ports.kernel.test');
const { probe, skip } = suite;

/**
 * Looks until `ready` holds of the snapshot and results (a job started with `&` unshares or binds a moment after
 * the prompt), or 10 s pass.
 */
async function lookUntil(rig: LessonRig, ready: (s: SandboxSnapshot, r: Record<string, CheckResult>) => boolean) {
  const deadline = Date.now() + 10_000;
  let r = await rig.obs.look();
  while (!ready(r.snap, r.results) && Date.now() < deadline) {
    await new Promise((res) => setTimeout(res, 100));
    r = await rig.obs.look();
  }
  return r;
}

/** How the lesson leaves its sandbox: the container's server stopped, the container's shell left. */
const stopServer = (rig: LessonRig) => typeLine(rig.a, 'kill $(cat /tmp/httpd.pid); exit').catch(() => undefined);

describeSolvedLesson(suite, lesson, {
  about: 'ports and names',
  fakes: 'a server or names in the sandbox’s own namespaces pass nothing',
  tryFakes: async (rig) => {
    // a server listening in the sandbox's namespace, the hosts file edited in place, a bind mount in the
    // sandbox's mount namespace, and a container that binds the sandbox's own files onto themselves
    await typeLine(rig.b, 'busybox httpd -f -p 80 -h /tmp & cp /etc/hosts /tmp/gaiola-hosts.orig');
    await typeLine(
      rig.b,
      "echo '172.17.0.2 web' >> /etc/hosts && echo '# x' > /tmp/x && mount --bind /tmp/x /etc/resolv.conf",
    );
    await typeLine(
      rig.b,
      "unshare -n -m sh -c 'mount --bind /etc/hosts /etc/hosts && mount --bind /etc/resolv.conf /etc/resolv.conf && exec sleep 600' &",
    );
    // the container's own mount namespace shows (not-bound) a moment before its binds do
    const seen = await lookUntil(
      rig,
      (s, r) =>
        s.net[s.base.ns.net]?.listenPorts?.includes(80) === true &&
        r.names?.done === false &&
        !['no-container', 'not-bound'].includes(r.names.hint),
    );
    record('14-fakes', seen.snap);
    expect(seen.snap.net[seen.snap.base.ns.net]?.listenPorts).toContain(80);
    expect(seen.results.server).toEqual({ done: false, hint: 'no-container', params: { addr: '172.17.0.2/16' } });
    expect(seen.results.names).toEqual({ done: false, hint: 'own-file', params: { file: '/etc/hosts' } });
    await typeLine(rig.b, 'kill %1 %2; wait; umount /etc/resolv.conf; cp /tmp/gaiola-hosts.orig /etc/hosts');
    // the edited file alone, in a container with a mount namespace of its own: still the sandbox's file
    await typeLine(rig.b, "echo '172.17.0.2 web' >> /etc/hosts; unshare -n -m sleep 600 &");
    const edited = await lookUntil(rig, (_, r) => r.names?.done === false && r.names.hint !== 'no-container');
    expect(edited.results.names).toEqual({ done: false, hint: 'not-bound', params: { file: '/etc/hosts' } });
    await typeLine(rig.b, 'kill %1; wait; cp /tmp/gaiola-hosts.orig /etc/hosts; rm /tmp/gaiola-hosts.orig /tmp/x');
    expect(notDone((await rig.obs.look()).results)).toEqual([]);
  },
  beforeLast: stopServer,
});

describe.skipIf(skip !== undefined)('lesson 14: publishing, faked and done with iptables', () => {
  const rig = lessonRig(lesson, probe, { hostname: 'gaiola-lesson14b', tag: 'checks-14b' });
  it('counts only a translated connection the container answered, in the sandbox’s namespace', async () => {
    await typeStep(rig, lesson, 'container', rig.version);
    await typeStep(rig, lesson, 'server', rig.version);
    await lookUntil(rig, (_, r) => r.server?.done === true);
    const chain = "nft add table ip nat && nft add chain ip nat output '{ type nat hook output priority -100; }'";
    // straight to the container, with conntrack on in the sandbox's namespace (a NAT rule for another port
    // turns it on): no translation
    await typeLine(rig.b, `${chain} && nft add rule ip nat output tcp dport 9999 dnat to 172.17.0.2:80`);
    await typeLine(rig.b, 'busybox wget -qO- http://172.17.0.2/');
    let r = await rig.obs.look();
    expect(r.snap.net[r.snap.base.ns.net]?.conntrack?.length).toBeGreaterThan(0);
    expect(r.results.publish).toEqual({
      done: false,
      hint: 'no-nat',
      params: { port: 8080, to: '172.17.0.2', toPort: 80 },
    });
    // the rule in the container's own namespace, and a connection from there
    await typeLine(
      rig.a,
      `${chain} && nft add rule ip nat output ip daddr 172.17.0.1 tcp dport 8080 dnat to 172.17.0.2:80`,
    );
    await typeLine(rig.a, 'busybox wget -qO- http://172.17.0.1:8080/');
    r = await rig.lookAs('14-other-ns');
    expect(r.results.publish).toEqual({ done: false, hint: 'other-ns', params: { port: 8080 } });
    // the right rule, written with iptables, and a server that never answers (the container drops what comes
    // in): translated but unassured. A refused one (a reset back) leaves no entry: conntrack drops it at once.
    await typeLine(rig.a, 'nft delete table ip nat && kill $(cat /tmp/httpd.pid)');
    await typeLine(rig.b, 'nft delete table ip nat');
    await typeLine(
      rig.b,
      'iptables -t nat -A OUTPUT -p tcp -d 172.17.0.1 --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
    );
    await typeLine(rig.b, 'busybox wget -qO- http://172.17.0.1:8080/; true');
    r = await rig.obs.look();
    expect(r.results.publish?.done).toBe(false);
    await typeLine(
      rig.a,
      "nft add table ip gaiola-drop && nft add chain ip gaiola-drop in '{ type filter hook input priority 0; policy drop; }'",
    );
    await typeLine(rig.b, 'timeout 2 busybox wget -qO- http://172.17.0.1:8080/; true');
    r = await rig.lookAs('14-unanswered');
    expect(r.results.publish).toEqual({ done: false, hint: 'no-answer', params: { to: '172.17.0.2', toPort: 80 } });
    await typeLine(rig.a, 'nft delete table ip gaiola-drop');
    // the server back: done, with iptables
    await typeLine(rig.a, 'busybox httpd -f -p 80 -h /tmp/www & echo $! > /tmp/httpd.pid');
    await typeLine(rig.b, 'busybox wget -qO- http://172.17.0.1:8080/');
    r = await rig.lookAs('14-iptables');
    expect(r.results.publish).toEqual({ done: true });
  });
  it('leaves nothing on the host', async () => {
    await stopServer(rig);
    await rig.destroyAndExpectNothingLeft();
  });
});
