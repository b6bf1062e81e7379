// The ordered lesson registry: adding a lesson means adding its folder and one line here. The order here is
// the course's (a lesson's number on the site is its place in this list); a slug never changes once
// published, since the URL and every student's stored progress are keyed by it. A lesson added between two
// others keeps the number of the one before it in its slug: 06-cgroups-pids-freezer (split from
// 06-cgroups-cpu-pids, issue 23) is the course's lesson 7, and 07-mounts, published as 7, is lesson 8.
import chroot from './01-chroot/lesson';
import unshare from './02-unshare/lesson';
import namespaces from './03-namespaces/lesson';
import userNamespaces from './04-user-namespaces/lesson';
import cgroupsMemory from './05-cgroups-memory/lesson';
import cgroupsCpuPids from './06-cgroups-cpu-pids/lesson';
import cgroupsPidsFreezer from './06-cgroups-pids-freezer/lesson';
import mounts from './07-mounts/lesson';
import overlay from './08-overlay/lesson';
import security from './09-security/lesson';
import network from './10-network/lesson';
import containerByHand from './11-container-by-hand/lesson';
import ociRunc from './12-oci-runc/lesson';
import dockerKubernetes from './13-docker-kubernetes/lesson';
import portsAndNames from './14-ports-and-names/lesson';
import devAndPid1 from './15-dev-and-pid1/lesson';
import ociImage from './16-oci-image/lesson';
import type { LessonDef } from './types';

export const lessons: readonly LessonDef[] = [
  chroot,
  unshare,
  namespaces,
  userNamespaces,
  cgroupsMemory,
  cgroupsCpuPids,
  cgroupsPidsFreezer,
  mounts,
  overlay,
  security,
  network,
  containerByHand,
  ociRunc,
  dockerKubernetes,
  portsAndNames,
  devAndPid1,
  ociImage,
];

export function findLesson(slug: string): { lesson: LessonDef; index: number } | undefined {
  const index = lessons.findIndex((l) => l.slug === slug);
  const lesson = lessons[index];
  return lesson ? { lesson, index } : undefined;
}

/** @deprecated name kept for the site's placeholder; use LessonDef. */
export type LessonEntry = LessonDef;
