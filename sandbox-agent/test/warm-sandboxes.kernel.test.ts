// Warm sandboxes (issue 18) through the real agent: a student who takes one finds what a student of a freshly
// started sandbox finds (the first screen, the shell, its history, the files, the processes, the mounts), and
// the same comparison tells a warm sandbox that something was left in apart. Warm sandboxes belong to nobody
// until taken, count against the capacity, and leave nothing when the agent stops. No assertion is about time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uidBaseOfSlot } from '../src/kernel/config';
import { CloseCode } from '../src/protocol';
import { type Harness, startAgent, TermClient, tokenFor, waitUntil } from './agent-harness';
import { eventually, kernelSuite, leftovers, processesInUidRange } from './kernel-helpers';

const { probe, skip } = kernelSuite('warm-sandboxes.kernel.test');

/** A size no warm shell starts at: the tab's own must reach the shell. */
const TAB_SIZE = { cols: 101, rows: 31 };
const PROMPT = /# $/;

/**
 * What a student can see of a new sandbox, each fact by one command. The host name is random per sandbox and
 * is compared by its form, and replaced by H wherever it shows.
 */
const FACTS: Record<string, string> = {
  size: 'stty size',
  tty: 'tty',
  cwd: 'pwd',
  history: 'history | wc -l',
  root: 'ls -A /root | tr "\\n" " "',
  tmp: 'ls -A /tmp | tr "\\n" " "',
  written: 'df -B1 --output=used / | tail -1',
  processes: 'ps -e -o comm= | sort | tr "\\n" " "',
  mounts: 'wc -l < /proc/self/mountinfo',
  env: 'env | grep -v "^_=" | sort | sed "s/$(hostname)/H/g" | md5sum',
};

/**
 * The lines a terminal shows for `text` (carriage return, newline, backspace and erase-to-end-of-line applied;
 * other escape sequences take no room). A warm shell resized to its tab's size redraws its prompt in place
 * (readline on SIGWINCH): other bytes, the same screen.
 */
function screenOf(text: string): string[] {
  const lines: string[][] = [[]];
  let col = 0;
  const line = () => lines[lines.length - 1] as string[];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '\x1b') {
      const end = escapeEnd(text, i);
      if (text[i + 1] === '[' && text[end] === 'K') line().length = col;
      i = end;
    } else if (ch === '\r') col = 0;
    else if (ch === '\n') {
      lines.push([]);
      col = 0;
    } else if (ch === '\b') col = Math.max(0, col - 1);
    else {
      line()[col] = ch;
      col += 1;
    }
  }
  return lines.map((l) => Array.from(l, (c) => c ?? ' ').join(''));
}

/** Index of the last character of the escape sequence at `at`: a CSI ends at a final byte, an OSC at BEL or ST. */
function escapeEnd(text: string, at: number): number {
  const kind = text[at + 1];
  for (let j = at + 2; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (kind === '[' && c >= 0x40 && c <= 0x7e) return j;
    if (kind === ']' && c === 0x07) return j;
    if (kind === ']' && c === 0x1b && text[j + 1] === '\\') return j + 1;
  }
  return kind === '[' || kind === ']' ? text.length - 1 : at + 1;
}

interface Seen {
  hostname: string;
  /** What the tab showed up to its first prompt, the host name replaced. */
  firstScreen: string[];
  facts: Record<string, string>;
}

function studentOf(token: string): string {
  return (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')) as { s: string }).s;
}

/** A new student's first tab: its sandbox's name, its first screen, then each fact. */
async function newStudent(h: Harness, clients: TermClient[]): Promise<Seen & { token: string; client: TermClient }> {
  const token = await tokenFor(h);
  const client = new TermClient(h, token, 0, TAB_SIZE);
  clients.push(client);
  await client.open();
  const hostname = (await client.hello()).sandbox;
  await waitUntil(() => PROMPT.test(client.output), 'the first prompt');
  const firstScreen = screenOf(client.output.replaceAll(hostname, 'H'));
  const facts: Record<string, string> = {};
  for (const [name, command] of Object.entries(FACTS)) facts[name] = await client.run(command);
  return { token, client, hostname, firstScreen, facts };
}

describe.skipIf(skip !== undefined)('warm sandboxes: a student cannot tell', () => {
  let warm: Harness;
  let cold: Harness;
  const clients: TermClient[] = [];
  let fresh: Seen;

  beforeAll(async () => {
    warm = await startAgent({ warmSandboxes: 2, maxSandboxes: 4, slotOffset: 120 });
    cold = await startAgent({ warmSandboxes: 0, maxSandboxes: 2, slotOffset: 130 });
    fresh = await newStudent(cold, clients);
    await waitUntil(() => warm.registry.warmReady === 2, 'two warm sandboxes', 30_000);
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    try {
      await warm?.stop();
    } finally {
      await cold?.stop();
    }
  });

  it('keeps them for nobody: no student, no store row, no event until one is taken', async () => {
    expect(warm.events.created).toEqual([]);
    const health = (await (await fetch(`${warm.url}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ sandboxes: 0, warmSandboxes: 2 });
  });

  it('gives a new student a warm one, the same as a freshly started one, at the tab’s size', async () => {
    const ready = warm.registry.warmSandboxes.map((s) => s.hostname);
    const taken = await newStudent(warm, clients);
    expect(ready).toContain(taken.hostname);
    expect(warm.events.created).toHaveLength(1);
    expect(taken.hostname).toMatch(/^gaiola-[0-9a-f]{4}$/);
    expect(fresh.hostname).toMatch(/^gaiola-[0-9a-f]{4}$/);
    expect(taken.firstScreen).toEqual(fresh.firstScreen);
    expect(fresh.firstScreen).toEqual(['root@H:~# ']);
    expect(taken.facts).toEqual(fresh.facts);
    expect(taken.facts.size).toBe(`${TAB_SIZE.rows} ${TAB_SIZE.cols}`);
    // its second tab gets a shell of its own in the same sandbox
    const second = new TermClient(warm, taken.token, 1);
    clients.push(second);
    await second.open();
    expect((await second.hello()).sandbox).toBe(taken.hostname);
    expect(await second.run('tty')).toBe('/dev/pts/1');
    // and the pool makes another for the next student
    await waitUntil(() => warm.registry.warmReady === 2, 'the pool refilled', 30_000);
  });

  it('the same comparison catches what was left in a warm sandbox before it was taken', async () => {
    const next = warm.registry.warmSandboxes[0];
    if (!next) throw new Error('no warm sandbox');
    // Someone else's shell in it: a file, a process left running, a command in the history.
    const intruder = next.spawnShell({ cols: 80, rows: 24 });
    let seen = '';
    intruder.onData((d) => {
      seen += d;
    });
    intruder.write(
      'touch /root/left-behind; setsid sleep 1000 </dev/null >/dev/null 2>&1 & history -w; echo PLANT$((6*7))\r',
    );
    await waitUntil(() => seen.includes('PLANT42'), 'the intruder’s commands');
    const gone = new Promise<void>((resolve) => intruder.onExit(() => resolve()));
    intruder.kill('SIGHUP');
    await gone;

    const leaky = await newStudent(warm, clients);
    expect(leaky.hostname).toBe(next.hostname);
    expect(leaky.facts.root).toContain('left-behind');
    expect(leaky.facts.processes).toContain('sleep');
    // its idle shell read the history before the intruder wrote it; the file is there for the next shell
    expect(leaky.facts.root).toContain('.bash_history');
    expect(Number(leaky.facts.written)).toBeGreaterThan(Number(fresh.facts.written));
    expect(leaky.facts).not.toEqual(fresh.facts);
  });
});

describe.skipIf(skip !== undefined)('warm sandboxes: capacity and stop', () => {
  let h: Harness;
  let stopped = false;
  const clients: TermClient[] = [];
  const students: string[] = [];

  beforeAll(async () => {
    h = await startAgent({ warmSandboxes: 2, maxSandboxes: 2, slotOffset: 140, graceMs: 60_000 });
    await waitUntil(() => h.registry.warmReady === 2, 'two warm sandboxes', 30_000);
  });
  afterAll(async () => {
    for (const c of clients) await c.close();
    if (!stopped) await h?.stop();
  });

  it('count against the capacity: a full class hands out its warm ones, then refuses, then refills', async () => {
    const connect = async (token: string) => {
      const c = new TermClient(h, token, 0);
      clients.push(c);
      await c.open();
      return c;
    };
    // two warm sandboxes fill a class of two: each student takes one instead of being refused
    const a = await tokenFor(h);
    const b = await tokenFor(h);
    students.push(studentOf(b));
    expect((await (await connect(a)).hello()).sandbox).toMatch(/^gaiola-/);
    expect((await (await connect(b)).hello()).sandbox).toMatch(/^gaiola-/);
    expect(h.registry.size).toBe(2);
    expect(h.registry.warmReady).toBe(0);
    // the third is told honestly that the class is full
    const c = await connect(await tokenFor(h));
    await waitUntil(() => c.closeCode !== undefined, 'the refusal');
    expect(c.closeCode).toBe(CloseCode.capacity);
    // a student leaves: the place goes back to the pool, not to nobody
    await h.registry.destroy(studentOf(a), 'test');
    await waitUntil(() => h.registry.warmReady === 1, 'the pool refilled into the free place', 30_000);
    expect(h.registry.size).toBe(1);
    const dToken = await tokenFor(h);
    students.push(studentOf(dToken));
    const d = await connect(dToken);
    expect((await d.hello()).sandbox).toMatch(/^gaiola-/);
    expect(h.registry.warmReady).toBe(0);
  });

  it('leaves nothing when the agent stops: warm sandboxes, their shells, cgroups, run dir', async () => {
    // one student's sandbox and one warm one (made in the place the other student left) when it stops
    await h.registry.destroy(students[0] ?? '', 'test');
    await waitUntil(() => h.registry.warmReady === 1, 'a warm sandbox to stop with', 30_000);
    expect(h.registry.size).toBe(1);
    stopped = true;
    await h.stop();
    for (let slot = 0; slot < h.kernel.maxSlots; slot++) {
      const base = uidBaseOfSlot(h.kernel, slot);
      expect(await eventually(() => processesInUidRange(base).length === 0, 15_000)).toBe(true);
    }
    expect(leftovers(h.kernel, probe)).toEqual([]);
  });
});
