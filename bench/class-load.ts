// A simulated class against the real agent (in-process, class mode, real sandboxes): N students join with
// the code, each opens a terminal on lesson 01 and types a command every few seconds (some of them finish a
// step); an instructor follows the class's event stream and fetches the table on each change, as the
// instructor page does. Reports, per class size, how long the table took to show a step done, the event
// stream's delay, the agent's command round trips and the host's memory; and, while the class types, one
// student's keystroke echo without looks and with 5 instructors' looks at once (issue 20: a look costs one
// more copy of the output; the goal is the terminal benchmark's, p99 under 30 ms with other sandboxes typing).
// Then a class spread over several agents on PostgreSQL (issue 22, bench/class-cluster.ts).
// Run: npm run bench:class (as root). BENCH_CLASS_SIZES (25,50,100; empty for none), BENCH_CLASS_SECONDS (30),
// BENCH_CLUSTER_SIZE (300; 0 for none) and BENCH_CLUSTER_AGENTS (3) change it.

import { MAX_LOOKS_PER_STUDENT } from '../sandbox-agent/src/protocol';
import { newStudentId } from '../sandbox-agent/src/server/token';
import { startAgent, TermClient } from '../sandbox-agent/test/agent-harness';
import { helpOf, Look, openClass } from '../sandbox-agent/test/class-harness';
import { runClassOverAgents } from './class-cluster';
import { echoes, hostMemMiB, machine, sleep, summary } from './lib';

const SIZES = (process.env.BENCH_CLASS_SIZES ?? '25,50,100').split(',').filter(Boolean).map(Number);
const CLUSTER_SIZE = Number(process.env.BENCH_CLUSTER_SIZE ?? 300);
const CLUSTER_AGENTS = Number(process.env.BENCH_CLUSTER_AGENTS ?? 3);
const SECONDS = Number(process.env.BENCH_CLASS_SECONDS ?? 30);
/** Each student types a command every this many ms (jittered ±50 %). */
const EVERY_MS = 3000;
/** Keystroke echoes measured per case (without looks, with looks). */
const ECHO_KEYS = 100;
/**
 * Echoes typed and not counted before each case: the first ones meet the whole class opening its lesson at once
 * (each student's first checks), which is not what a look costs.
 */
const ECHO_WARMUP = 10;

/**
 * The first student's echo while the others type: without looks, then with MAX_LOOKS_PER_STUDENT instructors
 * looking at once (each accepted by the student, as the page does), the looks closed at the end.
 */
async function echoWithLooks(
  h: Parameters<typeof openClass>[0],
  token: string,
  studentId: string,
  c: TermClient,
): Promise<{ without: number[]; withLooks: number[]; after: number[]; looks: number }> {
  // once the class types steadily (each typist's first command is within 1.5 EVERY_MS)
  await sleep(EVERY_MS * 1.5);
  await echoes(c, ECHO_WARMUP);
  const without = await echoes(c, ECHO_KEYS);
  const looks: Look[] = [];
  for (let i = 0; i < MAX_LOOKS_PER_STUDENT; i++) {
    const look = new Look(h, token, studentId, `Assistente ${i + 1}`);
    looks.push(look);
    while (helpOf(c)?.asking !== `Assistente ${i + 1}`) await sleep(5);
    c.sendJson({ type: 'look-answer', accept: true });
    while (!look.states.includes('watching')) await sleep(5);
  }
  await echoes(c, ECHO_WARMUP);
  const withLooks = await echoes(c, ECHO_KEYS);
  const watching = looks.filter((l) => l.closeCode === undefined).length;
  for (const l of looks) l.ws.close();
  while (helpOf(c)?.watching.length !== 0) await sleep(5);
  // without looks again: the load changes while the case runs, so both sides of it are shown
  const after = await echoes(c, ECHO_KEYS);
  return { without, withLooks, after, looks: watching };
}

async function runClass(size: number): Promise<void> {
  const memBefore = hostMemMiB();
  const h = await startAgent({ classMode: true, maxSandboxes: size + 2, slotOffset: 200, graceMs: 5_000 });
  const students: TermClient[] = [];
  const ids: string[] = [];
  const abort = new AbortController();
  try {
    const { cls, instructor } = await openClass(h);
    // the instructor: the event stream, and the table fetched on each event (one fetch at a time)
    const stepSeenAt = new Map<string, number>();
    const tableDelays: number[] = [];
    const stepDoneAt = new Map<string, number>();
    let fetching = false;
    let events = 0;
    const fetchTable = async () => {
      if (fetching) return;
      fetching = true;
      try {
        const state = await instructor.state();
        const t = performance.now();
        for (const s of state.students) {
          if ((s.steps['01-chroot'] ?? 0) > 0 && !stepSeenAt.has(s.id)) {
            stepSeenAt.set(s.id, t);
            const done = stepDoneAt.get(s.id);
            if (done !== undefined) tableDelays.push(t - done);
          }
        }
      } finally {
        fetching = false;
      }
    };
    void instructor
      .openEvents(abort.signal)
      .then(async (res) => {
        const reader = res.body?.getReader();
        for (;;) {
          const r = await reader?.read();
          if (!r || r.done) return;
          if (new TextDecoder().decode(r.value).includes('event: change')) {
            events++;
            void fetchTable();
          }
        }
      })
      .catch(() => {});

    // the class joins and opens its terminals
    const t0 = performance.now();
    // joined through the store (the join endpoint's limiter allows 10 at once from one address, and the
    // whole simulated class comes from one): the same rows and tokens /class/join makes
    for (let i = 0; i < size; i++) {
      const row = await h.store.joinClass(cls.id, newStudentId(), `Aluno ${i + 1}`);
      ids.push(row.id);
      const t = Date.now();
      const st = h.signer.sign({ s: row.id, i: t, m: 'class', c: cls.id, x: t + 3600_000 });
      students.push(new TermClient(h, st, 0));
    }
    await Promise.all(
      students.map(async (c) => {
        await c.open();
        await c.hello();
      }),
    );
    const joinMs = performance.now() - t0;
    for (const c of students) c.sendJson({ type: 'lesson', slug: '01-chroot' });
    const memWith = hostMemMiB();

    // each student types every few seconds; half of them finish the chroot step along the way; the first one's
    // echo is measured meanwhile, without and with looks
    const rtts: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    const [watched, ...typists] = students;
    const echo = watched ? echoWithLooks(h, instructor.token, ids[0] ?? '', watched) : undefined;
    await Promise.all(
      typists.map(async (c) => {
        while (performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, EVERY_MS * (0.5 + Math.random())));
          const t = performance.now();
          await c.run('ls /root >/dev/null; cat /proc/loadavg');
          rtts.push(performance.now() - t);
        }
      }),
    );
    // the step: done by half the class at the same moment, as when an instructor says "now run it"
    const half = students.filter((_, i) => i % 2 === 0);
    const stepT = performance.now();
    const state0 = await instructor.state();
    const idOf = new Map(state0.students.map((r) => [r.name, r.id]));
    for (const [i, c] of half.entries()) {
      const id = idOf.get(`Aluno ${i * 2 + 1}`);
      if (id) stepDoneAt.set(id, stepT);
      c.type('cd /root && chroot rootfs /bin/sh\r');
    }
    const echoed = await echo;
    const waitUntil = performance.now() + 30_000;
    while (stepSeenAt.size < half.length && performance.now() < waitUntil) await new Promise((r) => setTimeout(r, 50));
    console.log(
      [
        `class of ${size}: joined and terminals open in ${(joinMs / 1000).toFixed(1)} s; host memory +${(memWith - memBefore).toFixed(0)} MiB`,
        `  command round trips while typing every ~${EVERY_MS / 1000} s for ${SECONDS} s: ${summary(rtts)}`,
        `  instructor: ${events} events; the table showed ${stepSeenAt.size}/${half.length} simultaneous steps, each after ${summary(tableDelays)}`,
        echoed
          ? `  one student's keystroke echo while the others type: without looks ${summary(echoed.without)}; with ${echoed.looks} looks at once ${summary(echoed.withLooks)}; without again ${summary(echoed.after)} (goal: p99 < 30 ms)`
          : '',
      ].join('\n'),
    );
  } finally {
    abort.abort();
    await Promise.all(students.map((c) => c.close()));
    await h.stop();
  }
}

async function main(): Promise<void> {
  console.log(`machine: ${machine()}`);
  for (const size of SIZES) await runClass(size);
  if (CLUSTER_SIZE > 0) await runClassOverAgents(CLUSTER_SIZE, CLUSTER_AGENTS, SECONDS, EVERY_MS);
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
