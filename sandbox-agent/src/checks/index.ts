// The registry of checks, by the id lessons name in `check.id` (lessons/NN-slug/lesson.ts). Its type lists
// every id of protocol/check-params.ts: a check missing here, or registered under another id, fails the
// type-check.
// Layer: imports only kernel/ and protocol/ (README, How it fits together; biome.json enforces it).

import type { CheckId } from '../protocol/check-params';
import { cgroupCpuQuota, cgroupCpuWeights, cgroupEmptied, cgroupFrozen, cgroupPidsLimit } from './cgroup-cpu-pids';
import { cgroupHasProcess, cgroupMemoryLimit, cgroupMemoryUsage, cgroupOomKill } from './cgroup-memory';
import { containerProc } from './container-proc';
import { containerComplete, dockerLike, ociRunning, ociSeccomp, ociSpec, podMembers, podPause } from './containers';
import { containerDev, pid1Reaps, pid1Zombie } from './dev-and-pid1';
import { fixtureKilledFromRoot } from './fixture-killed-from-root';
import { joinedContainer } from './joined-container';
import { joinedUts } from './joined-uts';
import { bindMount, chrootEscaped, mountPrivate, mountPropagated, pivotedRoot } from './mounts';
import { bridgeJoined, defaultRoute, ifaceUp, vethPair, vethTraffic } from './network';
import { newNamespaces } from './new-namespaces';
import { nsDiffers } from './ns-differs';
import { imageOverlay, imageRunning, imageUnpacked, imageWhiteouts } from './oci-image';
import { overlayCopiedUp, overlayLayers, overlayMount, overlaySharedImage, overlayWhiteout } from './overlay';
import { pidNsInit } from './pid-ns-init';
import { dnatConntrack, etcBound, netListener } from './ports';
import { procMountedInRoot } from './proc-mounted-in-root';
import { rootIsPath } from './root-is-path';
import { rootlessInit } from './rootless-init';
import { capDropped, fileCapUsed, seccompExtraFilter } from './security';
import { timeOffset } from './time-offset';
import type { Check, DefinedCheck } from './types';
import { usernsRootMap } from './userns-root-map';
import { usernsUnmapped } from './userns-unmapped';
import { utsHostname } from './uts-hostname';

/** Each check under its own id, every id once. */
export type CheckRegistry = { readonly [K in CheckId]: DefinedCheck<K> };

const registry: CheckRegistry = {
  'root-is-path': rootIsPath,
  'proc-mounted-in-root': procMountedInRoot,
  'fixture-killed-from-root': fixtureKilledFromRoot,
  'pid-ns-init': pidNsInit,
  'new-namespaces': newNamespaces,
  'container-proc': containerProc,
  'uts-hostname': utsHostname,
  'joined-uts': joinedUts,
  'joined-container': joinedContainer,
  'time-offset': timeOffset,
  'ns-differs': nsDiffers,
  'userns-unmapped': usernsUnmapped,
  'userns-root-map': usernsRootMap,
  'rootless-init': rootlessInit,
  'cgroup-memory-limit': cgroupMemoryLimit,
  'cgroup-has-process': cgroupHasProcess,
  'cgroup-memory-usage': cgroupMemoryUsage,
  'cgroup-oom-kill': cgroupOomKill,
  'cgroup-cpu-quota': cgroupCpuQuota,
  'cgroup-cpu-weights': cgroupCpuWeights,
  'cgroup-pids-limit': cgroupPidsLimit,
  'cgroup-frozen': cgroupFrozen,
  'cgroup-emptied': cgroupEmptied,
  'bind-mount': bindMount,
  'mount-propagated': mountPropagated,
  'mount-private': mountPrivate,
  'pivoted-root': pivotedRoot,
  'chroot-escaped': chrootEscaped,
  'overlay-mount': overlayMount,
  'overlay-copied-up': overlayCopiedUp,
  'overlay-whiteout': overlayWhiteout,
  'overlay-layers': overlayLayers,
  'overlay-shared-image': overlaySharedImage,
  'cap-dropped': capDropped,
  'file-cap-used': fileCapUsed,
  'seccomp-extra-filter': seccompExtraFilter,
  'veth-pair': vethPair,
  'iface-up': ifaceUp,
  'veth-traffic': vethTraffic,
  'bridge-joined': bridgeJoined,
  'default-route': defaultRoute,
  'net-listener': netListener,
  'dnat-conntrack': dnatConntrack,
  'etc-bound': etcBound,
  'container-complete': containerComplete,
  'docker-like': dockerLike,
  'oci-spec': ociSpec,
  'oci-running': ociRunning,
  'oci-seccomp': ociSeccomp,
  'pod-pause': podPause,
  'pod-members': podMembers,
  'container-dev': containerDev,
  'pid1-zombie': pid1Zombie,
  'pid1-reaps': pid1Reaps,
  'image-unpacked': imageUnpacked,
  'image-whiteouts': imageWhiteouts,
  'image-overlay': imageOverlay,
  'image-running': imageRunning,
};

/** The checks as the agent runs them, by the id a step names (parameters checked when each runs). */
export const checks: Readonly<Record<string, Check>> = registry;

/**
 * What a snapshot reads beyond what it always reads, because some checks need it; each costs launcher spawns
 * per namespace of the student's, so a lesson whose checks do not need it does not pay for it.
 */
export interface SnapshotNeeds {
  /** Interfaces, routes and ARP per network namespace (snapshot.net). */
  network: boolean;
  /** The whole mount table of each mount namespace of the student's (snapshot.nsMounts). */
  mountTables: boolean;
  /** Which PID namespace each container's /proc belongs to (snapshot.containerProcs). */
  containerProcs: boolean;
}

const NEEDS: Readonly<Partial<Record<CheckId, Partial<SnapshotNeeds>>>> = {
  'veth-pair': { network: true },
  'iface-up': { network: true },
  'veth-traffic': { network: true },
  'bridge-joined': { network: true },
  'default-route': { network: true },
  'net-listener': { network: true },
  'dnat-conntrack': { network: true },
  'etc-bound': { mountTables: true },
  'docker-like': { network: true },
  'container-complete': { network: true, mountTables: true },
  'pivoted-root': { mountTables: true },
  'container-proc': { containerProcs: true },
  'container-dev': { mountTables: true },
};

export function snapshotNeeds(checkIds: Iterable<CheckId>): SnapshotNeeds {
  const out: SnapshotNeeds = { network: false, mountTables: false, containerProcs: false };
  for (const id of checkIds) {
    out.network ||= NEEDS[id]?.network === true;
    out.mountTables ||= NEEDS[id]?.mountTables === true;
    out.containerProcs ||= NEEDS[id]?.containerProcs === true;
  }
  return out;
}
