// A class spread over several agents on one PostgreSQL database (issue 22), as `npm run bench:class` ends: real
// agent processes (sandbox-agent/test/cluster-harness.ts), a class of N students placed by whichever agent each
// page asks, a terminal (a real sandbox) each, everyone typing a command every few seconds. Reports where the
// class went, how long placing and opening took, the command round trips and the host's memory; then one agent
// SIGKILLed, and how long its students took to be placed on the agent standing by and have a terminal again.
import { randomBytes } from 'node:crypto';
import { probeHost } from '../sandbox-agent/src/kernel/probe';
import {
  joinClass,
  openTerminals,
  placeAwayFrom,
  placeOn,
  type Seat,
  startCluster,
} from '../sandbox-agent/test/cluster-harness';
import { hostMemMiB, sleep, summary } from './lib';

/** Terminals opened at once, as in the kernel test: a class arriving together. */
const AT_ONCE = 16;

export async function runClassOverAgents(size: number, agents: number, seconds: number, everyMs: number) {
  // The class just fits on `agents` agents; one more stands by with as much room, for the failover at the end.
  const capacity = Math.ceil(size / agents);
  const memBefore = hostMemMiB();
  const probe = probeHost();
  const slotBase = 60000 + (randomBytes(1).readUInt8(0) % 4) * 150;
  const t0 = performance.now();
  const c = await startCluster({
    agents: agents + 1,
    capacity,
    mode: 'class',
    slotBase,
    probe,
    env: { GAIOLA_GRACE_SECONDS: '60' },
  });
  const startMs = performance.now() - t0;
  const seats: Seat[] = [];
  try {
    const cls = await c.store.currentClass();
    if (!cls) throw new Error('the first agent made no class');
    for (let i = 0; i < size; i++) {
      const { token } = await joinClass(c, cls.id, `Aluno ${i + 1}`);
      seats.push({ token, agent: { id: '', url: '' } });
    }
    // every page asks whichever agent answers, all at once
    const tPlace = performance.now();
    const placed = await Promise.all(seats.map((s, i) => placeOn(c.agents[i % agents]?.url ?? '', s.token)));
    const placeMs = performance.now() - tPlace;
    placed.forEach((p, i) => {
      if (p.status !== 200 || !p.agent || !p.token) throw new Error(`student ${i} not placed: ${JSON.stringify(p)}`);
      const s = seats[i] as Seat;
      s.token = p.token;
      s.agent = p.agent;
    });
    const placedWhere = where(seats);
    const tOpen = performance.now();
    await openTerminals(seats, AT_ONCE);
    const openMs = performance.now() - tOpen;
    const memWith = hostMemMiB();

    const rtts: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    await Promise.all(
      seats.map(async (s) => {
        while (performance.now() < deadline) {
          await sleep(everyMs * (0.5 + Math.random()));
          const t = performance.now();
          await s.term?.run('ls /root >/dev/null; cat /proc/loadavg');
          rtts.push(performance.now() - t);
        }
      }),
    );

    // one agent lost mid-class: its students ask again, as their pages do, until a live agent has their seat
    const victim = c.agents[0] as (typeof c.agents)[number];
    const moved = seats.filter((s) => s.agent.id === victim.id);
    const tKill = performance.now();
    await c.kill(0);
    const front = c.agents[1]?.url as string;
    await Promise.all(
      moved.map(async (s) => {
        Object.assign(s, await placeAwayFrom(front, s.token, victim.id));
      }),
    );
    const replacedMs = performance.now() - tKill;
    await openTerminals(moved, AT_ONCE);
    const reopenedMs = performance.now() - tKill;

    console.log(
      [
        `class of ${size} over ${agents} agents on PostgreSQL, one more standing by (capacity ${capacity} each; ${agents + 1} agents started in ${(startMs / 1000).toFixed(1)} s)`,
        `  placed by whichever agent each page asked, all at once: ${(placeMs / 1000).toFixed(2)} s; where: ${placedWhere}`,
        `  terminals open (${AT_ONCE} at a time): ${(openMs / 1000).toFixed(1)} s; host memory +${(memWith - memBefore).toFixed(0)} MiB`,
        `  command round trips while typing every ~${everyMs / 1000} s for ${seconds} s: ${summary(rtts)}`,
        `  ${victim.id} SIGKILLed: its ${moved.length} students placed on live agents after ${(replacedMs / 1000).toFixed(1)} s, terminals open after ${(reopenedMs / 1000).toFixed(1)} s; now: ${where(seats)}`,
      ].join('\n'),
    );
  } finally {
    await Promise.all(seats.map((s) => s.term?.close()));
    await c.stop();
  }
}

function where(seats: readonly Seat[]): string {
  const n = new Map<string, number>();
  for (const s of seats) n.set(s.agent.id, (n.get(s.agent.id) ?? 0) + 1);
  return [...n.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, k]) => `${id} ${k}`)
    .join(', ');
}
