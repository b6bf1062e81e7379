import { defineLesson } from '../types';

// The course rootfs (busybox) lives in the sandbox's home directory, prepared in the base image.
const ROOTFS = '/root/rootfs';

export default defineLesson({
  slug: '01-chroot',
  order: 1,
  title: { pt: 'TODO', gl: 'TODO' },
  summary: { pt: 'TODO', gl: 'TODO' },
  steps: [
    {
      id: 'chroot',
      title: { pt: 'TODO', gl: 'TODO' },
      commands: [
        { tab: 0, text: 'ls rootfs' },
        { tab: 0, text: 'chroot rootfs /bin/sh' },
      ],
      check: { id: 'root-is-path', params: { path: ROOTFS } },
      hints: {
        'no-process': { pt: 'TODO {path}', gl: 'TODO {path}' },
      },
    },
    {
      id: 'proc',
      title: { pt: 'TODO', gl: 'TODO' },
      commands: [
        { tab: 0, text: 'mount -t proc proc /proc' },
        { tab: 0, text: 'ps' },
      ],
      check: { id: 'proc-mounted-in-root', params: { path: ROOTFS } },
      hints: {
        'not-chrooted': { pt: 'TODO {path}', gl: 'TODO {path}' },
        'no-proc': { pt: 'TODO {path}', gl: 'TODO {path}' },
      },
    },
    {
      id: 'kill-outside',
      title: { pt: 'TODO', gl: 'TODO' },
      commands: [
        { tab: 0, text: 'ps | grep marca' },
        { tab: 0, text: 'kill $(pidof marca)' },
      ],
      check: { id: 'fixture-killed-from-root', params: { fixture: 'marca', path: ROOTFS } },
      hints: {
        alive: { pt: 'TODO {pid}', gl: 'TODO {pid}' },
        'killed-from-outside': { pt: 'TODO {pid}', gl: 'TODO {pid}' },
      },
    },
  ],
  quiz: [],
});
