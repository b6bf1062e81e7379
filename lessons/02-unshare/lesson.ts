import { defineLesson } from '../types';

export default defineLesson({
  slug: '02-unshare',
  order: 2,
  title: { pt: 'TODO', gl: 'TODO' },
  summary: { pt: 'TODO', gl: 'TODO' },
  steps: [
    {
      id: 'unshare',
      title: { pt: 'TODO', gl: 'TODO' },
      commands: [{ tab: 0, text: 'unshare -m -i -n -p -u -f chroot rootfs /bin/sh' }],
      check: { id: 'pid-ns-init' },
      hints: {
        'no-new-pidns': { pt: 'TODO', gl: 'TODO' },
        'not-pid1': { pt: 'TODO {pid} {nspid}', gl: 'TODO {pid} {nspid}' },
      },
    },
    {
      id: 'namespaces',
      title: { pt: 'TODO', gl: 'TODO' },
      commands: [
        { tab: 0, text: 'mount -t proc proc /proc' },
        { tab: 0, text: 'ls -l /proc/self/ns' },
        { tab: 1, text: 'ls -l /proc/self/ns' },
      ],
      check: { id: 'new-namespaces', params: { kinds: 'mnt,ipc,net' } },
      hints: {
        'same-ns': { pt: 'TODO {kind} {pid}', gl: 'TODO {kind} {pid}' },
        'no-process': { pt: 'TODO', gl: 'TODO' },
      },
    },
    {
      id: 'hostname',
      title: { pt: 'TODO', gl: 'TODO' },
      commands: [
        { tab: 0, text: 'hostname contedor-a-man' },
        { tab: 0, text: 'hostname' },
        { tab: 1, text: 'hostname' },
      ],
      check: { id: 'uts-hostname', params: { hostname: 'contedor-a-man' } },
      hints: {
        'no-new-uts': { pt: 'TODO', gl: 'TODO' },
        'wrong-name': { pt: 'TODO {found}', gl: 'TODO {found}' },
        'sandbox-renamed': { pt: 'TODO {found}', gl: 'TODO {found}' },
      },
    },
    {
      id: 'nsenter',
      title: { pt: 'TODO', gl: 'TODO' },
      commands: [
        { tab: 1, text: 'lsns -t uts' },
        { tab: 1, text: 'nsenter -t $(pgrep -n -x sh) -u bash' },
        { tab: 1, text: 'hostname' },
      ],
      check: { id: 'joined-uts' },
      hints: {
        'no-container': { pt: 'TODO', gl: 'TODO' },
        'not-joined': { pt: 'TODO', gl: 'TODO' },
      },
    },
  ],
  quiz: [],
});
