// A class state as the agent would send it, shared by the unit tests of lib/class (not a test itself).
import type { InstructorState } from '@protocol';

export const sampleState: InstructorState = {
  class: { code: 'ACDEFG', open: true, createdAt: 1, joinUrl: 'http://10.0.0.5:3000/turma?codigo=ACDEFG' },
  capacity: {
    sandboxes: 3,
    maxSandboxes: 60,
    refused: 0,
    memUsedBytes: 2e9,
    memTotalBytes: 8e9,
    cpuPercent: 12.5,
    warm: { ready: 2, starting: 1, target: 5 },
  },
  lessons: [{ slug: '01-chroot', steps: 4, questions: 3 }],
  help: [],
  students: [
    {
      id: 'a'.repeat(32),
      name: '=HYPERLINK("http://x")',
      tag: 1,
      joinedAt: 1,
      lastSeenAt: 2,
      online: true,
      currentLesson: '01-chroot',
      steps: { '01-chroot': 2 },
      quiz: {},
      answered: {},
    },
  ],
};
