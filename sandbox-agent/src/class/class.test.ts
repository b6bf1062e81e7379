// Class mode's pure parts: codes, display names, CSV cells, capacity readings, the instructor's rows.
import { describe, expect, it } from 'vitest';
import { CLASS_CODE_ALPHABET, cleanDisplayName, normaliseClassCode } from '../protocol';
import { CpuSampler, parseCpuLine, parseMeminfo } from './capacity';
import { newClassCode } from './class-code';
import { auditCsvRows, csvRows, studentRows } from './class-state';
import { AUDIT_CSV_COLUMNS, CSV_COLUMNS, csvCell, toCsv } from './csv';

describe('class codes and names', () => {
  it('makes six-character codes from an alphabet without look-alikes', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z', '8', 'B'])
      expect(CLASS_CODE_ALPHABET).not.toContain(ambiguous);
    const code = newClassCode();
    expect(code).toMatch(new RegExp(`^[${CLASS_CODE_ALPHABET}]{6}$`));
    expect(newClassCode(() => 0)).toBe('AAAAAA');
    expect(normaliseClassCode(' acd-efg ')).toBe('ACDEFG');
  });
  it('cleans display names: NFC, inner spaces, length in characters, no control characters', () => {
    expect(cleanDisplayName('  Xoán   Pérez ')).toBe('Xoán Pérez');
    expect(cleanDisplayName('Xoa\u0301n')).toBe('Xoán');
    expect(cleanDisplayName('ç'.repeat(40))).toBe('ç'.repeat(40));
    expect(cleanDisplayName('ç'.repeat(41))).toBeNull();
    expect(cleanDisplayName('a\u0000b')).toBeNull();
    expect(cleanDisplayName(' \t ')).toBeNull();
  });
});

describe('CSV', () => {
  it('defuses formulas and quotes what needs it', () => {
    for (const bad of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('Mª Xosé')).toBe('Mª Xosé');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(-3)).toBe('-3'); // a number is a number, not a formula
    expect(csvCell(true)).toBe('yes');
    expect(csvCell(null)).toBe('');
  });
  it('writes a BOM, a header and CRLF lines', () => {
    const csv = toCsv(
      [
        {
          student: 'Uxía',
          lesson: '01-chroot',
          step: 'chroot',
          done_at: '2026-11-23T10:00:00.000Z',
          question: null,
          attempt: null,
          answer: null,
          correct: null,
        },
      ],
      CSV_COLUMNS,
    );
    expect(csv).toBe(
      '\uFEFFstudent,lesson,step,done_at,question,attempt,answer,correct\r\nUxía,01-chroot,chroot,2026-11-23T10:00:00.000Z,,,,\r\n',
    );
  });
  it('writes the audit as its own file: a look with its length, a broadcast as text, a look going on', () => {
    const at = Date.UTC(2026, 10, 23, 10);
    const base = { instructor: 'Marta', started_at: at, ended_at: null, student_id: null, student_name: null };
    const rows = auditCsvRows([
      {
        ...base,
        id: 1,
        kind: 'look',
        student_id: 's1',
        student_name: 'Ana (2)',
        ended_at: at + 90_400,
        detail: 'end=ended',
      },
      { ...base, id: 2, kind: 'broadcast', detail: '=cmd, "x"' },
      { ...base, id: 3, kind: 'help', instructor: '', student_id: 's2', detail: null },
    ]);
    expect(toCsv(rows, AUDIT_CSV_COLUMNS).split('\r\n')).toEqual([
      '\uFEFFkind,instructor,student,started_at,ended_at,seconds,detail',
      'look,Marta,Ana (2),2026-11-23T10:00:00.000Z,2026-11-23T10:01:30.400Z,90,end=ended',
      `broadcast,Marta,,2026-11-23T10:00:00.000Z,,,"'=cmd, ""x"""`,
      'help,,s2,2026-11-23T10:00:00.000Z,,,',
      '',
    ]);
  });
});

describe('capacity', () => {
  it('reads memory used and CPU use between two readings', () => {
    expect(parseMeminfo('MemTotal:       1000 kB\nMemFree:  100 kB\nMemAvailable:    250 kB\n')).toEqual({
      totalBytes: 1024000,
      usedBytes: 768000,
    });
    expect(parseCpuLine('cpu  10 0 10 70 10 0 0 0 0 0\ncpu0 1 2 3\n')).toEqual({ busy: 20, total: 100 });
    const lines = ['cpu  10 0 10 70 10 0 0 0 0 0', 'cpu  40 0 10 90 10 0 0 0 0 0'];
    const sampler = new CpuSampler(() => lines.shift() ?? '');
    sampler.sample();
    expect(sampler.sample()).toBe(60);
  });
});

describe('the instructor’s rows', () => {
  const data = {
    students: [
      { id: 'a', display_name: 'Ana', name_tag: 1, created_at: 10, last_seen_at: 20 },
      { id: 'b', display_name: 'Ana', name_tag: 2, created_at: 11, last_seen_at: 11 },
    ],
    steps: [
      { student_id: 'a', lesson: '01-chroot', step: 'chroot', done_at: 30 },
      { student_id: 'a', lesson: '02-unshare', step: 'unshare', done_at: 50 },
    ],
    attempts: [
      { student_id: 'a', lesson: '01-chroot', question: 'q1', attempt: 1, option: 'b', correct: true, answered_at: 40 },
      {
        student_id: 'b',
        lesson: '01-chroot',
        question: 'q1',
        attempt: 1,
        option: 'a',
        correct: false,
        answered_at: 60,
      },
      { student_id: 'b', lesson: '01-chroot', question: 'q1', attempt: 2, option: 'b', correct: true, answered_at: 61 },
    ],
  };
  it('counts steps and first-answer scores per lesson, and the lesson of the latest activity', () => {
    const rows = studentRows(data, (id) => id === 'a');
    expect(rows[0]).toMatchObject({
      steps: { '01-chroot': 1, '02-unshare': 1 },
      quiz: { '01-chroot': 1 },
      currentLesson: '02-unshare',
      lastSeenAt: 50,
      online: true,
    });
    expect(rows[1]).toMatchObject({ steps: {}, quiz: {}, currentLesson: '01-chroot', lastSeenAt: 61, online: false });
  });
  it('tells a wrong first answer from no answer: questions answered per lesson', () => {
    const rows = studentRows(data, () => false);
    expect(rows[0]).toMatchObject({ quiz: { '01-chroot': 1 }, answered: { '01-chroot': 1 } });
    // Ana (2) got q1 wrong first, then right: answered once, scored nothing
    expect(rows[1]?.quiz['01-chroot']).toBeUndefined();
    expect(rows[1]?.answered).toEqual({ '01-chroot': 1 });
  });
  it('puts a student on the lesson they have open, before any step of it', () => {
    const open = (id: string) => (id === 'b' ? '03-namespaces' : undefined);
    const rows = studentRows(data, () => false, open);
    expect(rows.map((r) => r.currentLesson)).toEqual(['02-unshare', '03-namespaces']);
  });
  it('names a second Ana "Ana (2)" in the export', () => {
    expect(csvRows(data).map((r) => r.student)).toEqual(['Ana', 'Ana', 'Ana', 'Ana (2)', 'Ana (2)']);
  });
});
