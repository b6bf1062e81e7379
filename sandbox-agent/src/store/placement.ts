// Which agent a student goes to (issue 22), decided from what the database holds: the live agents, the seats
// each has given, and where the student's classmates sit. Pure: both stores call it inside their transaction.
import type { AgentRow } from './store';

/** A live agent as the choice sees it. */
export interface Candidate {
  id: string;
  /** Sandboxes it takes at once (its GAIOLA_MAX_SANDBOXES). */
  capacity: number;
  /** Students placed on it now. */
  seats: number;
  /** Of those, the student's classmates (0 outside a class). */
  classmates: number;
}

/** Seats grouped by agent as a store counts them (PostgreSQL's COUNT comes back as text). */
export type SeatCount = { id: string; seats: number | string; classmates: number | string | null };

/** The live agent a new seat goes to, as chooseAgent() says from the seats counted; undefined when all are full. */
export function agentForNewSeat(live: readonly AgentRow[], counts: readonly SeatCount[]): AgentRow | undefined {
  const chosen = chooseAgent(live.map((a) => candidateOf(a, counts)));
  return live.find((a) => a.id === chosen);
}

/** A live agent with its seats counted (rows of seats grouped by agent; an agent without seats has none). */
function candidateOf(a: { id: string; capacity: number }, counts: readonly SeatCount[]): Candidate {
  const c = counts.find((r) => r.id === a.id);
  return { id: a.id, capacity: a.capacity, seats: Number(c?.seats ?? 0), classmates: Number(c?.classmates ?? 0) };
}

/**
 * The agent with a free seat where most of the student's classmates are, so a class stays together where it fits
 * (its instructor follows one agent's students); without classmates anywhere, the one with the most free seats,
 * so students spread. Ties go to the smaller id, so the choice never depends on the order rows came in.
 * Undefined when every agent is full.
 */
export function chooseAgent(candidates: readonly Candidate[]): string | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (c.seats >= c.capacity) continue;
    if (best === undefined || better(c, best)) best = c;
  }
  return best?.id;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.classmates !== b.classmates) return a.classmates > b.classmates;
  const freeA = a.capacity - a.seats;
  const freeB = b.capacity - b.seats;
  if (freeA !== freeB) return freeA > freeB;
  return a.id < b.id;
}
