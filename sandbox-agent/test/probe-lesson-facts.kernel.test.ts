// Probe: claims the lessons' prose makes about the kernel, tried in a real sandbox as a student would type
// them, so that a sentence the course teaches cannot drift from what the kernel does (issue 23, "Errors to
// fix"). Each test names the lesson whose text it backs.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { kernelVersion } from '../src/kernel/probe';
import { kernelSuite } from './kernel-helpers';
import { useProbeSandbox, vethInto } from './probe-helpers';

const { skip } = kernelSuite('probe-lesson-facts');

/** Signal masks in /proc/PID/status: bit n-1 stands for signal n (x86 and arm64 numbers). */
const SIGCONT_BIT = 1n << 17n;
const SIGSTOP_BIT = 1n << 18n;
/**
 * A ping that passes when any of three echoes is answered: the first may go unanswered while a neighbour
 * entry is still being resolved (or was just left FAILED by a refused try), which says nothing of the route.
 */
const REACHES = 'ping -c3 -i0.2 -W2';
/** tmpfs takes user.* xattrs from Linux 6.6 on ("shmem: add support for user extended attributes"). */
const [major, minor] = kernelVersion(os.release());
const TMPFS_USER_XATTRS = major > 6 || (major === 6 && minor >= 6);

describe.skipIf(skip !== undefined)('probe: what the lessons say the kernel does', () => {
  const p = useProbeSandbox('probe-facts');

  it('lesson 06-cgroups-pids-freezer: SIGSTOP cannot be caught (the stop happens anyway), SIGCONT can', async () => {
    const t = p.term;
    // dash accepts `trap … STOP` without complaint; the kernel never installs it. Started from a subshell, so
    // that it is no job of this bash (whose 'Stopped'/'Done' notices could land in a later command's output).
    await t.ok(
      `(sh -c 'trap "echo caught-cont" CONT; trap "echo caught-stop" STOP; kill -STOP $$; echo after' > /tmp/sig.out & echo $! > /tmp/sig.pid); P=$(cat /tmp/sig.pid)`,
    );
    await t.ok('until grep -q "^State:.*T (stopped)" /proc/$P/status; do sleep 0.05; done');
    const caught = BigInt(`0x${await t.ok("awk '/^SigCgt/ {print $2}' /proc/$P/status")}`);
    expect(caught & SIGSTOP_BIT).toBe(0n);
    expect(caught & SIGCONT_BIT).toBe(SIGCONT_BIT);
    await t.ok('kill -CONT $P; until grep -q after /tmp/sig.out; do sleep 0.05; done');
    expect((await t.ok('cat /tmp/sig.out')).split('\n')).toEqual(['caught-cont', 'after']);
  });

  it('lesson 06: a child’s CPU quota above its parent’s is refused on v1 (v2 keeps it, the parent’s applies)', async () => {
    const t = p.term;
    const v1 = p.probe.cgroup.mode !== 'v2';
    const [dir, file, above] = v1
      ? ['/sys/fs/cgroup/cpu/acima', 'cpu.cfs_quota_us', '150000']
      : ['/sys/fs/cgroup/acima', 'cpu.max', '150000 100000'];
    // the sandbox's own quota: one CPU
    expect(await t.ok(`cat ${v1 ? '/sys/fs/cgroup/cpu/cpu.cfs_quota_us' : '/sys/fs/cgroup/cpu.max'}`)).toBe(
      v1 ? '100000' : '100000 100000',
    );
    await t.ok(`mkdir ${dir}`);
    const write = await t.run(`echo "${above}" > ${dir}/${file}`);
    if (v1) {
      expect(write.code).not.toBe(0);
      expect(write.out).toContain('Invalid argument');
    } else {
      expect(write.code).toBe(0);
      expect(await t.ok(`cat ${dir}/${file}`)).toBe(above);
    }
    await t.ok(`rmdir ${dir}`);
  });

  it('lesson 06-cgroups-pids-freezer: the sandbox’s own limits belong to the host’s root, a group of the student’s to them', async () => {
    const t = p.term;
    const top = p.probe.cgroup.mode === 'v2' ? '/sys/fs/cgroup' : '/sys/fs/cgroup/pids';
    const denied = await t.run(`echo max > ${top}/pids.max`);
    expect(denied.code).not.toBe(0);
    expect(denied.out).toContain('Permission denied');
    expect(await t.ok(`stat -c %U ${top}/pids.max ${top}/cgroup.procs`)).toBe('nobody\nroot');
    await t.ok(`mkdir ${top}/seu && echo max > ${top}/seu/pids.max`);
    expect(await t.ok(`cat ${top}/seu/pids.max; stat -c %U ${top}/seu/pids.max`)).toBe('max\nroot');
    await t.ok(`rmdir ${top}/seu`);
  });

  it('lesson 04: a bare unshare -U -r cannot mount proc: the mount namespace and the PID namespace are missing', async () => {
    const t = p.term;
    const tryAs = async (flags: string, fs: string) =>
      (await t.run(`su aluno -c 'unshare -U -r ${flags} mount -t ${fs} x /mnt' 2>/dev/null`)).code;
    expect(await tryAs('', 'tmpfs')).not.toBe(0); // the sandbox's mount namespace is not the student's
    expect(await tryAs('-m', 'tmpfs')).toBe(0); // with -m, a mount works…
    expect(await tryAs('-m', 'proc')).not.toBe(0); // …but not proc: the PID namespace is the sandbox's
    expect(await tryAs('-p -f', 'proc')).not.toBe(0); // a PID namespace alone is not enough either
    expect(await tryAs('-m -p -f', 'proc')).toBe(0);
  });

  it('lesson 10: two veths in one subnet fail with /24 routes and work with /32 host routes', async () => {
    const t = p.term;
    await t.ok(vethInto('fa', ['veth0', '10.200.0.1/24'], ['ceth0', '10.200.0.2/24']));
    await t.ok(vethInto('fb', ['veth1', '10.200.0.4/24'], ['ceth1', '10.200.0.3/24']));
    // two routes for 10.200.0.0/24; the kernel uses the first, and B's packets go out of veth0
    expect(await t.ok('ip route get 10.200.0.3')).toMatch(/dev veth0/);
    expect((await t.run(`${REACHES} 10.200.0.2`)).code).toBe(0);
    expect((await t.run('ping -c1 -W1 10.200.0.3')).code).not.toBe(0);
    // the same two containers with a /32 route each, as Calico wires pods: both answer
    await t.ok(
      'ip addr flush dev veth0 && ip addr flush dev veth1 && ' +
        'ip addr add 10.200.0.1/32 dev veth0 && ip addr add 10.200.0.1/32 dev veth1 && ' +
        'ip route add 10.200.0.2/32 dev veth0 && ip route add 10.200.0.3/32 dev veth1',
    );
    expect(await t.ok('ip route get 10.200.0.3')).toMatch(/dev veth1/);
    expect((await t.run(`${REACHES} 10.200.0.2`)).code).toBe(0);
    expect((await t.run(`${REACHES} 10.200.0.3`)).code).toBe(0);
    // container to container: the sandbox forwards and answers ARP for them (proxy_arp)
    expect((await t.run('ip netns exec fa ping -c1 -W1 10.200.0.3')).code).not.toBe(0);
    await t.ok('sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.veth0.proxy_arp=1 net.ipv4.conf.veth1.proxy_arp=1');
    expect((await t.run(`ip netns exec fa ${REACHES} 10.200.0.3`)).code).toBe(0);
    await t.ok('ip link del veth0 && ip link del veth1 && ip netns del fa && ip netns del fb');
  });

  it('lesson 08: directories merge across layers; removing a lower one needs an opaque mark, which needs userxattr here', async () => {
    const t = p.term;
    await t.ok(
      'mkdir -p /root/fo && mount -t tmpfs fo /root/fo && cd /root/fo && ' +
        'mkdir -p lower/d upper/d work merged && echo a > lower/d/a && echo c > upper/d/c && ' +
        'mount -t overlay overlay -o lowerdir=/root/fo/lower,upperdir=/root/fo/upper,workdir=/root/fo/work merged',
    );
    expect((await t.ok('ls -1 merged/d')).split('\n')).toEqual(['a', 'c']);
    // without trusted.* xattrs (a user namespace) the kernel cannot mark the directory opaque
    const rm = await t.run('rm -r merged/d');
    expect(rm.code).not.toBe(0);
    expect(rm.out).toContain('Input/output error');
    await t.ok('umount merged && rm -rf upper work && mkdir -p upper/d work && echo c > upper/d/c');
    await t.ok(
      'mount -t overlay overlay -o userxattr,lowerdir=/root/fo/lower,upperdir=/root/fo/upper,workdir=/root/fo/work merged',
    );
    if (TMPFS_USER_XATTRS) {
      await t.ok('rm -r merged/d && mkdir merged/d && echo n > merged/d/n');
      // the new d is opaque: nothing of lower/d shows through, though lower/d/a is still there
      expect(await t.ok('ls -1 merged/d; cat lower/d/a')).toBe('n\na');
    } else {
      // before 6.6 the tmpfs upper cannot hold user.* xattrs either, so userxattr does not help (lesson 08 says so)
      const again = await t.run('rm -r merged/d');
      expect(again.code).not.toBe(0);
      expect(again.out).toContain('Input/output error');
    }
    await t.ok('cd /root && umount /root/fo/merged && umount /root/fo');
  });

  it('lesson 14: the sandbox’s own connections take the output hook, not prerouting; a refused one is not tracked', async () => {
    const t = p.term;
    await t.ok(vethInto('fw', ['vw', '172.17.0.1/16'], ['eth0', '172.17.0.2/16'], { lo: true }));
    await t.ok('mkdir -p /tmp/fw && echo served > /tmp/fw/index.html');
    await t.ok('(ip netns exec fw busybox httpd -f -p 80 -h /tmp/fw & echo $! > /tmp/fw.pid)');
    await t.ok("until ip netns exec fw ss -ltnH | grep -q ':80 '; do sleep 0.05; done");
    // the page that busybox httpd serves is reachable on the container's address, never on 8080 of the sandbox
    expect(await t.ok('busybox wget -qO- http://172.17.0.2/')).toBe('served');
    const dnat = 'ip daddr 172.17.0.1 tcp dport 8080 dnat to 172.17.0.2:80';
    await t.ok(
      `nft add table ip nat && nft add chain ip nat pre '{ type nat hook prerouting priority -100; }' && nft add rule ip nat pre ${dnat}`,
    );
    expect((await t.run('busybox wget -qO- http://172.17.0.1:8080/')).code).not.toBe(0);
    await t.ok(`nft add chain ip nat out '{ type nat hook output priority -100; }' && nft add rule ip nat out ${dnat}`);
    expect(await t.ok('busybox wget -qO- http://172.17.0.1:8080/')).toBe('served');
    const tracked = async () =>
      Number(await t.ok('grep -c "dport=8080 src=172.17.0.2" /proc/net/nf_conntrack || true'));
    expect(await tracked()).toBe(1);
    // the server gone: a reset comes back, and conntrack forgets the connection at once
    await t.ok('kill $(cat /tmp/fw.pid); while kill -0 $(cat /tmp/fw.pid) 2>/dev/null; do sleep 0.05; done');
    expect((await t.run('busybox wget -qO- http://172.17.0.1:8080/')).code).not.toBe(0);
    expect(await tracked()).toBe(1);
    await t.ok('nft delete table ip nat && ip netns del fw && rm -r /tmp/fw /tmp/fw.pid');
  });

  it('lesson 15: no device but the whiteout can be made, devtmpfs cannot be mounted; a zombie holds a pid; BusyBox sh execs the last command of -c, dash does not', async () => {
    const t = p.term;
    expect((await t.run('mknod /tmp/n c 1 3')).code).not.toBe(0);
    expect(await t.ok('mknod /tmp/w c 0 0 && stat -c %t:%T /tmp/w && rm /tmp/w')).toBe('0:0');
    expect((await t.run("unshare -m sh -c 'mount -t devtmpfs x /mnt'")).code).not.toBe(0);
    // A group of its own (v1: in the pids hierarchy), a PID 1-like parent that never waits, its child exited.
    const g = await t.ok('[ -d /sys/fs/cgroup/pids ] && echo /sys/fs/cgroup/pids/z15 || echo /sys/fs/cgroup/z15');
    await t.ok(`mkdir ${g}`);
    try {
      await t.ok(`(sh -c 'echo $$ > ${g}/cgroup.procs; sleep 0.1 & exec sleep 30' </dev/null >/dev/null 2>&1 &)`);
      await t.ok(`until [ "$(ps -e -o stat=,comm= | grep -c '^Z')" = 1 ]; do sleep 0.05; done`);
      expect(await t.ok(`cat ${g}/pids.current`)).toBe('2');
    } finally {
      await t.ok(`pkill -KILL -x sleep; while [ -s ${g}/cgroup.procs ]; do sleep 0.05; done; rmdir ${g}`);
    }
    // The PID 1 of `sh -c 'sleep 1 & sleep 30'`: BusyBox's sh became the last sleep, dash stayed a shell.
    const pid1 = async (sh: string) => {
      await t.ok(`unshare -p -f --mount-proc ${sh} -c 'sleep 1 & sleep 30' </dev/null >/dev/null 2>&1 & P=$!`);
      // until the second sleep runs, as the init itself (BusyBox) or as its child (dash)
      await t.ok(`until pgrep -f '^sleep 30$' >/dev/null; do sleep 0.05; done`);
      const comm = await t.ok('cat /proc/$(pgrep -P $P)/comm');
      await t.ok('kill -KILL $(pgrep -P $P); wait $P; true');
      return comm;
    };
    expect(await pid1('busybox sh')).toBe('sleep');
    expect(await pid1('dash')).toBe('dash');
  });

  it('lesson 16: a .wh. file is a plain file to overlay; trusted.* is refused, user.* needs tmpfs 6.6, whiteouts per entry do not; no upperdir is read-only; diff_ids hash the gunzipped layers', async () => {
    const t = p.term;
    // The image's config lists each layer's diff_id: the sha256 of the layer's tar once gunzipped.
    const diffIds = await t.ok(
      "cd /root/oci && M=blobs/sha256/$(jq -M -r '.manifests[0].digest' index.json | cut -d: -f2) && " +
        "C=blobs/sha256/$(jq -M -r .config.digest $M | cut -d: -f2) && jq -M -r '.rootfs.diff_ids[]' $C | cut -d: -f2",
    );
    const gunzipped = await t.ok(
      "cd /root/oci && M=blobs/sha256/$(jq -M -r '.manifests[0].digest' index.json | cut -d: -f2) && " +
        "for d in $(jq -M -r '.layers[].digest' $M | cut -d: -f2); do gunzip -c blobs/sha256/$d | sha256sum | cut -d' ' -f1; done; cd",
    );
    expect(gunzipped.split('\n')).toHaveLength(3);
    expect(gunzipped).toBe(diffIds);
    await t.ok('mkdir -p /root/f16 && mount -t tmpfs f16 /root/f16 && cd /root/f16 && mkdir -p lo/d up/d m');
    try {
      await t.ok('echo velho > lo/d/velho && : > up/.wh.x && echo x > lo/x && echo novo > up/d/novo');
      // Not converted: the OCI marker is a file like any other, the file it names still shows, dirs merge.
      await t.ok('mount -t overlay o16 -o userxattr,lowerdir=up:lo m');
      expect((await t.ok('LC_ALL=C ls -A1 m m/d')).split('\n')).toEqual([
        'm:',
        '.wh.x',
        'd',
        'x',
        '',
        'm/d:',
        'novo',
        'velho',
      ]);
      // No upperdir: the overlay is read-only.
      expect(await t.ok('findmnt -n -o OPTIONS m')).toMatch(/^ro,/);
      expect((await t.run('touch m/y')).out).toContain('Read-only file system');
      await t.ok('umount m');
      const trusted = await t.run('setfattr -n trusted.overlay.opaque -v y up/d');
      expect(trusted.out).toContain('Operation not permitted');
      // Every kernel: a whiteout for each lower entry of e, made in the sandbox's user namespace on tmpfs, gives
      // e the opaque directory's merged view, with or without userxattr (lesson 16's way before 6.6).
      await t.ok('mkdir lo/e up/e && echo velho > lo/e/velho && echo novo > up/e/novo && mknod up/e/velho c 0 0');
      await t.ok('mount -t overlay o16 -o userxattr,lowerdir=up:lo m');
      expect(await t.ok('LC_ALL=C ls -A1 m/e')).toBe('novo');
      await t.ok('umount m && mount -t overlay o16 -o lowerdir=up:lo m');
      expect(await t.ok('LC_ALL=C ls -A1 m/e')).toBe('novo');
      await t.ok('umount m && rm -r lo/e up/e');
      const user = await t.run('setfattr -n user.overlay.opaque -v y up/d');
      if (!TMPFS_USER_XATTRS) {
        // before 6.6 (Debian 12's 6.1) the attribute is refused: lesson 16's page says so, and gives the whiteouts
        expect(user.out).toContain('Operation not supported');
        return;
      }
      expect(user.code).toBe(0);
      // Converted: a 0/0 whiteout hides x; the opaque d, read with userxattr, hides velho; without it, not.
      await t.ok('rm up/.wh.x && mknod up/x c 0 0');
      await t.ok('mount -t overlay o16 -o userxattr,lowerdir=up:lo m');
      expect((await t.ok('LC_ALL=C ls -A1 m m/d')).split('\n')).toEqual(['m:', 'd', '', 'm/d:', 'novo']);
      await t.ok('umount m && mount -t overlay o16 -o lowerdir=up:lo m');
      expect(await t.ok('LC_ALL=C ls -A1 m/d')).toBe('novo\nvelho');
      await t.ok('umount m');
    } finally {
      await t.ok('cd /root && { umount /root/f16/m 2>/dev/null; umount /root/f16 && rmdir /root/f16; }');
    }
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
