import { describe, expect, it } from 'vitest';
import { describeRun, parseBenchArgs, STAGES, terminalSizes } from './args';

describe('parseBenchArgs', () => {
  it('runs every stage, full size, with no argument (the host default), and --quick sizes them down', () => {
    expect(parseBenchArgs([])).toEqual({
      quick: false,
      stages: [...STAGES],
      only: false,
      terminal: terminalSizes(false),
      out: undefined,
    });
    const quick = parseBenchArgs(['--quick']);
    expect(quick.stages).toEqual([...STAGES]);
    expect(quick.terminal).toEqual(terminalSizes(true));
    expect(describeRun(parseBenchArgs([]))).toBe('full run');
    expect(describeRun(quick)).toBe('quick run');
  });

  it('--only keeps the table order, takes a list or repeats, in either spelling', () => {
    expect(parseBenchArgs(['--only', 'page,terminal']).stages).toEqual(['terminal', 'page']);
    expect(parseBenchArgs(['--only=panel', '--only', 'checks']).stages).toEqual(['checks', 'panel']);
    expect(parseBenchArgs(['--only', 'churn']).only).toBe(true);
  });

  it('sizes the terminal stage over the quick or full sizes, 0 leaving the busy and flood rows out', () => {
    const a = parseBenchArgs([
      '--only',
      'terminal',
      '--quick',
      '--runs',
      '20',
      '--together=10',
      '--keys',
      '300',
      '--busy',
      '0',
      '--flood-seconds=0',
      '--out',
      '/mnt/share/out/bench-terminal.json',
    ]);
    expect(a.terminal).toEqual({ runs: 20, together: 10, keys: 300, busy: 0, floodSeconds: 0 });
    expect(a.out).toBe('/mnt/share/out/bench-terminal.json');
    expect(describeRun(a)).toBe('quick run; only terminal (20 starts, 10 at once, 300 keys, no busy row, no flood)');
    expect(parseBenchArgs(['--keys', '7']).terminal).toEqual({ ...terminalSizes(false), keys: 7 });
    expect(describeRun(parseBenchArgs(['--keys', '7']))).toBe(
      'full run; terminal (20 starts, 30 at once, 7 keys, 50 busy, a 10 s flood), checks, density, churn, page, panel',
    );
  });

  it.each([
    [['--fast'], "unknown argument '--fast'"],
    [['quick'], "unknown argument 'quick'"],
    [['--only'], '--only needs a value'],
    [['--only', '--quick'], '--only needs a value'],
    [['--only='], '--only needs a stage'],
    [['--only', 'terminal,echo'], "--only: unknown stage 'echo'"],
    [['--only', 'terminal,'], "--only: unknown stage ''"],
    [['--runs', '0'], "--runs takes a whole number from 1, not '0'"],
    [['--together', '-3'], "--together takes a whole number from 1, not '-3'"],
    [['--keys', '1.5'], "--keys takes a whole number from 1, not '1.5'"],
    [['--busy', 'none'], "--busy takes a whole number from 0, not 'none'"],
    [['--flood-seconds='], "--flood-seconds takes a whole number from 0, not ''"],
    [['--out='], '--out needs a file'],
    [['--only', 'page', '--keys', '10'], 'the size options are the terminal stage’s, which --only leaves out'],
  ])('refuses %j: %s, with the usage', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
    expect(() => parseBenchArgs(argv)).toThrow('npm run bench [-- --quick]');
  });
});
