// A hint says what the agent observed against what the step expects (issue 21). OBSERVED is the audit: per
// check, each failure reason whose result carries a value read from the snapshot (not one of the step's own
// parameters), and which params those are. Every lesson hint for such a reason shows them, in pt and gl; and for
// each one a snapshot that fails it (recorded, or a minimal edit of one) yields a hint that, filled as the site
// fills it, names the value seen. WITHOUT_VALUE lists the other reasons, so that a new one is sorted too.
import { describe, expect, it } from 'vitest';
import { findLesson, lessons } from '../../../lessons/index';
import { type LessonDef, LOCALES, unfilledHintParams } from '../../../lessons/types';
import type { MountEntry } from '../kernel/parse/mountinfo';
import type { CgroupGroup, NetInterface, NetNamespace, SandboxSnapshot } from '../kernel/snapshot';
import type { CheckId } from '../protocol/check-params';
import { editFile, editGroup, judge, load, withText } from './fixture-util';
import type { HintParams } from './types';
import { inNewPidNs } from './util';

const OBSERVED: Readonly<Partial<Record<CheckId, Readonly<Record<string, readonly string[]>>>>> = {
  'fixture-killed-from-root': { alive: ['pid'], 'killed-from-outside': ['pid'] },
  'proc-mounted-in-root': { 'no-proc': ['pid'] },
  'pid-ns-init': { 'not-pid1': ['pid', 'nspid'] },
  'container-proc': { 'no-proc': ['pid'], 'sandbox-proc': ['pid'], 'same-ns': ['kind', 'pid'] },
  'uts-hostname': { 'wrong-name': ['found'], 'sandbox-renamed': ['found'] },
  'joined-container': { 'missing-ns': ['kind', 'pid'], 'wrong-root': ['pid'] },
  'time-offset': { 'small-offset': ['found'] },
  'userns-unmapped': { 'not-aluno': ['found'], mapped: ['pid', 'found'] },
  'userns-root-map': { 'no-root-map': ['found'] },
  'rootless-init': { 'not-aluno': ['found'], 'missing-ns': ['kind'] },
  'cgroup-memory-limit': { 'no-limit': ['found'], 'wrong-limit': ['found'] },
  'cgroup-memory-usage': { 'low-usage': ['found'] },
  'cgroup-cpu-quota': { 'no-quota': ['found'], 'wrong-quota': ['found'], 'too-few': ['count'] },
  'cgroup-cpu-weights': { 'wrong-ratio': ['found', 'highWeight', 'lowWeight'] },
  'cgroup-pids-limit': { 'wrong-max': ['found'] },
  'cgroup-frozen': { 'frozen-empty': ['group'] },
  'cgroup-emptied': { 'not-emptied': ['count'] },
  'bind-mount': { 'other-source': ['found'], 'not-bind': ['fstype'], writable: ['found'] },
  'pivoted-root': { chrooted: ['pid'], 'old-root': ['pid'] },
  'overlay-mount': { 'plain-dir': ['fstype', 'under'], 'not-overlay': ['fstype'], 'wrong-dirs': ['found'] },
  'overlay-copied-up': { 'not-appended': ['found', 'lower'] },
  'overlay-whiteout': { 'no-whiteout': ['found'] },
  'overlay-layers': { 'one-lower': ['found'], 'has-upper': ['found'] },
  'overlay-shared-image': { 'too-few': ['found'] },
  'cap-dropped': { 'none-dropped': ['found'] },
  'seccomp-extra-filter': { 'no-filter': ['found'] },
  'veth-pair': { 'not-veth': ['kind'] },
  'iface-up': { 'other-addr': ['found'] },
  'veth-traffic': { 'no-traffic': ['rx', 'tx'] },
  'bridge-joined': { 'few-ports': ['found'] },
  'default-route': { 'other-route': ['found'] },
  'net-listener': { 'other-port': ['found'] },
  'container-complete': { missing: ['what'] },
  'docker-like': { 'no-limits': ['what'], 'has-network': ['found'], 'sandbox-net': ['found'] },
  'oci-running': { 'no-limits': ['what'] },
  'oci-seccomp': { 'no-filter': ['found'] },
  'pod-members': { 'few-members': ['found'] },
  'container-dev': {
    'missing-devices': ['dev', 'missing'],
    'no-devpts': ['dev'],
    'devpts-shared': ['dev'],
    'devpts-ptmxmode': ['dev'],
  },
  'pid1-zombie': { 'no-zombie': ['pid', 'comm'] },
  'pid1-reaps': { 'zombie-left': ['pid', 'comm'], 'not-reaped': ['pid', 'comm'], 'no-child': ['pid', 'comm'] },
  'image-unpacked': { 'other-text': ['found'], 'no-busybox': ['found', 'size'] },
  'image-whiteouts': { 'no-whiteout': ['found'] },
  'image-overlay': { 'other-layers': ['found'], 'wrong-order': ['found'] },
  'image-running': { 'other-layers': ['found'], 'wrong-order': ['found'] },
};

/**
 * The other reasons: their hints show no value read from the snapshot, because what they observe is an absence
 * (nothing of the kind is there), a zero the text states (`nr_throttled` 0, `max 0`), or they name only the
 * step's own values. Those noted "open" decide from a value they could show and do not yet.
 */
const WITHOUT_VALUE = reasonsByCheck(`
  root-is-path: no-process; proc-mounted-in-root: not-chrooted
  fixture-killed-from-root: starting killed-untraceable; pid-ns-init: no-new-pidns; container-proc: no-process
  uts-hostname: not-container no-new-uts; joined-uts: no-container not-joined
  joined-container: no-container not-joined; time-offset: no-time-ns; ns-differs: same-ns
  userns-unmapped: no-userns; userns-root-map: no-userns no-map; rootless-init: no-init
  cgroup-memory-limit: no-group; cgroup-has-process: no-group empty; cgroup-memory-usage: no-group
  cgroup-oom-kill: no-group no-oom empty-after-oom; cgroup-cpu-quota: no-group empty not-throttled
  cgroup-cpu-weights: no-group empty; cgroup-pids-limit: no-group no-refusal; cgroup-frozen: none-frozen
  cgroup-emptied: no-group never-used
  bind-mount: not-mounted; mount-propagated: no-mount not-shared; mount-private: no-mount leaked
  pivoted-root: no-process; chroot-escaped: no-escape; overlay-mount: no-overlay
  overlay-copied-up: no-overlay no-copy no-lower; overlay-whiteout: no-overlay not-deleted lower-gone upper-gone
  overlay-layers: no-overlay; overlay-shared-image: no-write leaked
  cap-dropped: not-chrooted; file-cap-used: no-process; veth-pair: no-veth not-moved not-peers
  iface-up: no-addr down
  veth-traffic: no-veth; bridge-joined: no-bridge; default-route: no-route; container-complete: no-container
  oci-spec: no-spec not-json; oci-running: not-running; oci-seccomp: not-running; pod-pause: no-pause
  pod-members: no-pause
  docker-like: no-container; net-listener: no-container no-listener
  dnat-conntrack: no-nat no-answer other-ns; etc-bound: no-container not-bound own-file
  container-dev: no-mount-ns no-dev-tmpfs; pid1-zombie: no-new-pidns; pid1-reaps: no-new-pidns
  image-unpacked: missing; image-whiteouts: no-layer whiteout-missing marker-left
  image-overlay: no-overlay file-shown not-opaque no-new
  image-running: no-overlay file-shown not-opaque no-new not-running
`);

/** `check: reason reason; check: reason` lines (a `#` line is a note) → reasons by check. */
function reasonsByCheck(text: string): Readonly<Partial<Record<CheckId, readonly string[]>>> {
  const out: Partial<Record<CheckId, string[]>> = {};
  for (const line of text.split('\n'))
    if (!line.trim().startsWith('#'))
      for (const entry of line.split(';')) {
        const [check, reasons] = entry.split(':');
        if (check?.trim() && reasons) out[check.trim() as CheckId] = reasons.trim().split(/\s+/);
      }
  return out;
}

/** The snapshot with every mount at `mountPoint` changed by `edit`, in every recorded view. */
function editMount(snap: SandboxSnapshot, mountPoint: string, edit: (m: MountEntry) => MountEntry): SandboxSnapshot {
  const mounts = Object.fromEntries(
    Object.entries(snap.mounts).map(([pid, table]) => [
      pid,
      table.map((m) => (m.mountPoint === mountPoint ? edit(m) : m)),
    ]),
  );
  return { ...snap, mounts };
}

/** The snapshot with each network namespace changed by `edit`. */
function editNet(snap: SandboxSnapshot, edit: (n: NetNamespace) => NetNamespace): SandboxSnapshot {
  return { ...snap, net: Object.fromEntries(Object.entries(snap.net).map(([ns, n]) => [ns, edit(n)])) };
}

/** The snapshot with every interface named `name` changed by `edit`. */
function editInterface(snap: SandboxSnapshot, name: string, edit: (i: NetInterface) => NetInterface): SandboxSnapshot {
  return editNet(snap, (n) => ({ ...n, interfaces: n.interfaces.map((i) => (i.name === name ? edit(i) : i)) }));
}

/** Lesson 07's bind target showing something else: its mount changed by `edit`, the path another directory. */
function otherAtVolume(edit: (m: MountEntry) => MountEntry): SandboxSnapshot {
  const target = '/root/rootfs/mnt/volume';
  const snap = editMount(load('07-bind'), target, edit);
  return { ...snap, paths: { ...snap.paths, [target]: '0:999' } };
}

/** `edit` applied to group `path` of a recorded snapshot. */
const group = (name: string, path: string, edit: (g: CgroupGroup) => CgroupGroup) => () =>
  editGroup(load(name), path, edit);

/** Recorded snapshots edited into one that fails a reason no recording shows. */
const EDITED = {
  /** Every process of the new PID namespace one number further inside: none is its PID 1. */
  noPid1: () => {
    const snap = load('02-hostname');
    for (const p of snap.processes)
      if (inNewPidNs(snap, p)) p.nsPids = [...p.nsPids.slice(0, -1), (p.nsPids.at(-1) ?? 0) + 1];
    return snap;
  },
  /** The rootless init moved back to the sandbox's UTS namespace. */
  rootlessSharedUts: () => {
    const snap = load('04-rootless');
    for (const p of snap.processes) if (p.nsPids.at(-1) === 1) p.ns.uts = snap.base.ns.uts;
    return snap;
  },
  noQuota: group('06-quota-v1', '/cpu10', (g) => ({ ...g, cpu: g.cpu && { ...g.cpu, quotaUs: null } })),
  quota20: group('06-quota-v1', '/cpu10', (g) => ({ ...g, cpu: g.cpu && { ...g.cpu, quotaUs: 20000 } })),
  weightsEven: group('06-weights-v1', '/alto', (g) => ({ ...g, cpu: g.cpu && { ...g.cpu, weight: 1536 } })),
  pidsMax30: group('06-pids-v1', '/pid20', (g) => ({ ...g, pids: g.pids && { ...g.pids, max: 30 } })),
  frozenEmpty: group('06-freeze-v1', '/gelo', (g) => ({ ...g, procs: [] })),
  runcPids99: group('12-run', '/demo', (g) => ({ ...g, pids: g.pids && { ...g.pids, max: 99 } })),
  /** A bind of /root/copia at the target, or a tmpfs of its own there, instead of /root/volume. */
  bindOther: () => otherAtVolume((m) => ({ ...m, root: '/root/copia' })),
  tmpfsThere: () => otherAtVolume((m) => ({ ...m, fsType: 'tmpfs', major: 0, minor: 999, root: '/' })),
  bindWritable: () =>
    editMount(load('07-bind'), '/root/rootfs/mnt/volume', (m) => ({ ...m, mountOptions: ['rw', 'nodev'] })),
  mergedTmpfs: () => editMount(load('08-mount'), '/root/ov/merged', (m) => ({ ...m, fsType: 'tmpfs' })),
  layersOneLower: () =>
    editMount(load('08-layers'), '/root/ov/m2', (m) => ({ ...m, superOptions: ['ro', 'lowerdir=/root/ov/l2'] })),
  layersWithUpper: () =>
    editMount(load('08-layers'), '/root/ov/m2', (m) => ({
      ...m,
      superOptions: [...m.superOptions, 'upperdir=/root/ov/u', 'workdir=/root/ov/w'],
    })),
  /** veth0 made a dummy interface (`ip link add veth0 type dummy`). */
  vethDummy: () => editInterface(load('10-veth'), 'veth0', (i) => ({ ...i, kind: 'dummy' })),
  /** veth0 given another address. */
  vethOtherAddr: () => editInterface(load('10-addresses'), 'veth0', (i) => ({ ...i, addrs: ['10.200.0.9/24'] })),
  /** veth0 with packets counted both ways (IPv6 router solicitations of its own) and no IPv4 neighbour yet. */
  vethIpv6Only: () => editInterface(load('10-addresses'), 'veth0', (i) => ({ ...i, rxPackets: 3, txPackets: 5 })),
  /** The container's eth0 given another address. */
  eth0OtherAddr: () => editInterface(load('14-container'), 'eth0', (i) => ({ ...i, addrs: ['172.17.0.9/16'] })),
  /** Container B's default route through another gateway. */
  otherGateway: () =>
    editNet(load('10-route'), (n) => ({
      ...n,
      routes: n.routes.map((r) => (r.dst === 'default' ? { ...r, gateway: '10.200.0.2' } : r)),
    })),
  /** The container's server on port 8000, not 80. */
  otherPort: () => editNet(load('14-server'), (n) => (n.listenPorts?.includes(80) ? { ...n, listenPorts: [8000] } : n)),
  /** The copied-up file written over in the upper layer by hand: it no longer starts with the lower's text. */
  upperOverwritten: () => editFile(load('08-copy-up'), '/root/ov/upper/baixo.txt', (f) => withText(f, 'cima\n')),
  /** The whiteout replaced in the upper layer by a regular file (the merged view keeps the file hidden). */
  whiteoutReplaced: () => editFile(load('08-whiteout'), '/root/ov/upper/ambos.txt', (f) => withText(f, 'cima\n')),
  /** Lesson 09's capsh shell in the rootfs with every capability: none dropped there. */
  chrootAllCaps: () => {
    const snap = load('09-no-chroot');
    for (const p of snap.processes) p.caps = { ...p.caps, bnd: '000001ffffffffff', eff: '000001ffffffffff' };
    return snap;
  },
  /** The `docker run` container's init left in the sandbox's own network namespace (no `-n`). */
  dockerSandboxNet: () => {
    const snap = load('13-docker-run');
    for (const p of snap.processes) if (p.nsPids.length > 2) p.ns.net = snap.base.ns.net;
    return snap;
  },
  /** One port of br0 taken off the bridge. */
  bridgeOnePort: () => {
    const snap = load('10-bridge');
    const port = snap.net[snap.base.ns.net]?.interfaces.find((i) => i.master === 'br0');
    if (port) port.master = null;
    return snap;
  },
  /** Lesson 16's layer 2 file holding layer 3's text: layers unpacked into each other's directories. */
  imageOtherText: () =>
    editFile(load('16-unpack'), '/root/img/2/app/conf/antigo.conf', (f) => withText(f, 'porta=9090\n')),
  /** Lesson 16's image mounted with two of its three layers. */
  imageTwoLayers: () =>
    editMount(load('16-mount'), '/root/img/root', (m) => ({
      ...m,
      superOptions: m.superOptions.map((o) => (o.startsWith('lowerdir=') ? 'lowerdir=/root/img/3:/root/img/2' : o)),
    })),
};

/** A recorded snapshot's name, or an edit of one. */
type Snap = string | (() => SandboxSnapshot);

/** Per lesson and step: each reason with an observed value, and a snapshot on which the step fails with it. */
const CASES: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, Snap>>>>>> = {
  '01-chroot': {
    proc: { 'no-proc': '01-chrooted' },
    'kill-outside': { alive: '01-chrooted', 'killed-from-outside': '01-killed-outside' },
  },
  '02-unshare': {
    unshare: { 'not-pid1': EDITED.noPid1 },
    namespaces: { 'no-proc': '02-unshared', 'sandbox-proc': '02-proc-copied', 'same-ns': '02-partial' },
    hostname: { 'wrong-name': '02-partial', 'sandbox-renamed': '02-sandbox-renamed' },
  },
  '03-namespaces': {
    nsenter: { 'missing-ns': '02-nsenter-pid', 'wrong-root': '03-nsenter-noroot' },
    time: { 'small-offset': '03-time-small' },
  },
  '04-user-namespaces': {
    nobody: { 'not-aluno': '04-root-userns', mapped: '04-map-root' },
    'map-root': { 'no-root-map': '04-root-userns' },
    hostname: { 'wrong-name': '02-hostname' },
    rootless: { 'not-aluno': '04-root-userns', 'missing-ns': EDITED.rootlessSharedUts },
  },
  '05-cgroups-memory': {
    group: { 'no-limit': '05-unlimited-v1', 'wrong-limit': '12-run' },
    usage: { 'low-usage': '05-group-v1' },
  },
  '06-cgroups-cpu-pids': {
    quota: { 'no-quota': EDITED.noQuota, 'wrong-quota': EDITED.quota20 },
    shared: { 'too-few': '06-quota-v1' },
    weights: { 'wrong-ratio': EDITED.weightsEven },
  },
  '06-cgroups-pids-freezer': {
    pids: { 'wrong-max': EDITED.pidsMax30 },
    freeze: { 'frozen-empty': EDITED.frozenEmpty },
    empty: { 'not-emptied': '06-freeze-v1' },
  },
  '07-mounts': {
    'bind-ro': { 'other-source': EDITED.bindOther, 'not-bind': EDITED.tmpfsThere, writable: EDITED.bindWritable },
    pivot: { chrooted: '01-chrooted', 'old-root': '07-old-root' },
  },
  '08-overlay': {
    mount: { 'plain-dir': '08-fakes', 'not-overlay': EDITED.mergedTmpfs, 'wrong-dirs': '08-relative-other' },
    layers: { 'one-lower': EDITED.layersOneLower, 'has-upper': EDITED.layersWithUpper },
    'copy-up': { 'not-appended': EDITED.upperOverwritten },
    whiteout: { 'no-whiteout': EDITED.whiteoutReplaced },
    'two-containers': { 'too-few': 'fresh-08' },
  },
  '09-security': {
    'drop-chown': { 'none-dropped': 'fresh-09' },
    'no-chroot': { 'none-dropped': EDITED.chrootAllCaps },
    seccomp: { 'no-filter': 'fresh-09' },
  },
  '10-network': {
    veth: { 'not-veth': EDITED.vethDummy },
    addresses: { 'other-addr': EDITED.vethOtherAddr },
    ping: { 'no-traffic': EDITED.vethIpv6Only },
    bridge: { 'few-ports': EDITED.bridgeOnePort },
    route: { 'other-route': EDITED.otherGateway },
  },
  '11-container-by-hand': {
    container: { missing: '02-hostname' },
  },
  '12-oci-runc': {
    run: { 'no-limits': EDITED.runcPids99 },
    seccomp: { 'no-filter': '12-run' },
  },
  '13-docker-kubernetes': {
    'container-b': { 'few-members': '13-container-a' },
    'docker-run': { 'no-limits': '11-container', 'has-network': '11-network', 'sandbox-net': EDITED.dockerSandboxNet },
  },
  '14-ports-and-names': {
    container: { 'other-addr': EDITED.eth0OtherAddr },
    server: { 'other-port': EDITED.otherPort },
  },
  '15-dev-and-pid1': {
    dev: { 'missing-devices': '15-dev-fake' },
    devpts: { 'no-devpts': '15-dev', 'devpts-shared': '15-devpts-shared', 'devpts-ptmxmode': '15-devpts-closed' },
    zombie: { 'no-zombie': '02-hostname' },
    reaper: { 'zombie-left': '15-zombie', 'not-reaped': '02-hostname', 'no-child': '15-dev' },
  },
  '16-oci-image': {
    unpack: { 'other-text': EDITED.imageOtherText, 'no-busybox': '16-fake' },
    whiteouts: { 'no-whiteout': '16-fake' },
    mount: { 'other-layers': EDITED.imageTwoLayers, 'wrong-order': '16-reversed' },
    run: { 'other-layers': EDITED.imageTwoLayers, 'wrong-order': '16-reversed' },
  },
};

/** Every case as [slug, step, snapshot, reason]. */
const CASE_LIST = Object.entries(CASES).flatMap(([slug, steps]) =>
  Object.entries(steps).flatMap(([step, reasons]) =>
    Object.entries(reasons).map(([hint, snap]) => [slug, step, snap, hint] as const),
  ),
);

/** A hint as the student reads it: the template filled as lib/lessons/hint.ts fills it, backticks dropped. */
function rendered(template: string, params: HintParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)).replaceAll('`', '');
}

function lessonOf(slug: string): LessonDef {
  const found = findLesson(slug);
  if (!found) throw new Error(`no lesson ${slug}`);
  return found.lesson;
}

function stepOf(slug: string, stepId: string) {
  const step = lessonOf(slug).steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${slug}/${stepId}`);
  return step;
}

describe('hints name what the agent observed', () => {
  // A step without a hint for a reason is one its parameters never give (hints.test.ts finds any it does).
  it('every lesson hint for a reason with an observed value shows each value, in pt and gl', () => {
    const gaps: string[] = [];
    for (const lesson of lessons)
      for (const step of lesson.steps)
        for (const [hint, names] of Object.entries(OBSERVED[step.check.id] ?? {}))
          for (const locale of LOCALES)
            for (const name of names) {
              const template = step.hints[hint]?.[locale];
              if (template !== undefined && !template.includes(`{${name}}`))
                gaps.push(`${lesson.slug}/${step.id} "${hint}" (${locale}) lacks {${name}}`);
            }
    expect(gaps).toEqual([]);
  });

  it('audits every reason a lesson has a hint for: with an observed value, or without', () => {
    const unsorted: string[] = [];
    for (const lesson of lessons)
      for (const step of lesson.steps)
        for (const hint of Object.keys(step.hints)) {
          const id = step.check.id;
          const observed = OBSERVED[id]?.[hint] !== undefined;
          if (observed === (WITHOUT_VALUE[id]?.includes(hint) ?? false)) unsorted.push(`${id} ${hint}`);
        }
    expect([...new Set(unsorted)]).toEqual([]);
  });

  it('has a failing snapshot for every check and reason with an observed value', () => {
    const covered = new Set(CASE_LIST.map(([slug, step, , hint]) => `${stepOf(slug, step).check.id} ${hint}`));
    const audited = Object.entries(OBSERVED).flatMap(([check, reasons]) =>
      Object.keys(reasons ?? {}).map((hint) => `${check} ${hint}`),
    );
    expect(audited.filter((k) => !covered.has(k))).toEqual([]);
  });

  for (const [slug, stepId, snap, hint] of CASE_LIST)
    it(`${slug}/${stepId} "${hint}" shows what it saw`, () => {
      const step = stepOf(slug, stepId);
      const r = judge(lessonOf(slug), stepId, typeof snap === 'string' ? load(snap) : snap());
      expect(r).toMatchObject({ done: false, hint });
      const params = r.done ? {} : (r.params ?? {});
      const names = OBSERVED[step.check.id]?.[hint] ?? [];
      for (const name of names) expect(params[name], `{${name}}`).toBeDefined();
      for (const locale of LOCALES) {
        const template = step.hints[hint]?.[locale] ?? '';
        expect(unfilledHintParams(template, params), `${locale}: shown`).toEqual([]);
        const text = rendered(template, params);
        for (const name of names) expect(text, `${locale} {${name}}`).toContain(String(params[name]));
      }
    });
});
