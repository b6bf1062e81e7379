// The instructor warms sandboxes for a class (issue 18), through the real agent in class mode: the request is
// the instructor's alone and bounded by the room the students leave; a higher target makes that many warm
// sandboxes exist on the host (cgroups, processes), a lower one frees the surplus and never a student's, the
// class keeps its target across a restart, and nothing is left when the agent stops. No assertion is about time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parentDirs } from '../src/kernel/cgroup-layout';
import { uidBaseOfSlot } from '../src/kernel/config';
import type { Sandbox } from '../src/kernel/sandbox';
import { INSTRUCTOR_PATHS, type WarmPoolState } from '../src/protocol';
import { type Harness, postJson, startAgent, TermClient, waitUntil } from './agent-harness';
import { type Instructor, InstructorEvents, joinClass, openClass } from './class-harness';
import {
  eventually,
  kernelSuite,
  leftovers,
  processAlive,
  processesInUidRange,
  sandboxDirsUnder,
} from './kernel-helpers';

const { probe, skip } = kernelSuite('warm-target.kernel.test');

/** Room for one student and four warm sandboxes; uid ranges of slots 850–857, which no other test file uses. */
const MAX_SANDBOXES = 5;
const SLOT_OFFSET = 850;
/** A warm start takes tens of ms alone; a busy CI machine running other suites can take seconds for four. */
const FILL_MS = 60_000;

/** Every sandbox's cgroup directory on the host (one per sandbox in the first hierarchy's parent). */
function hostSandboxDirs(h: Harness): string[] {
  const first = parentDirs(probe.cgroup, h.kernel.cgroupParent)[0];
  return first ? sandboxDirsUnder([first]) : [];
}

/** Gone from the host: its cgroups, and every process in its uid range (its init and shell included). */
function gone(sb: Sandbox): boolean {
  return sb.cgroupDirs.every((d) => !fs.existsSync(d)) && processesInUidRange(sb.uidBase, true).length === 0;
}

describe.skipIf(skip !== undefined)('the instructor warms sandboxes for the class', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-t-warm-'));
  let h: Harness;
  let instructor: Instructor;
  let events: InstructorEvents;
  let tab: TermClient;
  let studentToken = '';
  let studentSandbox = '';
  let classId = '';
  const stopped: Harness[] = [];

  const pool = async (): Promise<WarmPoolState> => (await instructor.state()).capacity.warm;
  const settled = async (ready: number) => {
    await waitUntil(
      () => h.registry.warmPool.ready === ready && h.registry.warmPool.starting === 0,
      `${ready} warm`,
      FILL_MS,
    );
  };

  /** The class's agent on its store (started again on it by the restart): GAIOLA_WARM_SANDBOXES=1. */
  const startOnStore = () =>
    startAgent({ classMode: true, warmSandboxes: 1, maxSandboxes: MAX_SANDBOXES, slotOffset: SLOT_OFFSET, dataDir });

  beforeAll(async () => {
    h = await startOnStore();
    const opened = await openClass(h);
    instructor = opened.instructor;
    classId = opened.cls.id;
    events = new InstructorEvents(instructor);
    await vi.waitFor(() => expect(events.opened).toBe(true), { timeout: 10_000 });
    const joined = (await (await joinClass(h, { code: opened.cls.code, name: 'Ana' })).json()) as { token: string };
    studentToken = joined.token;
    tab = new TermClient(h, studentToken, 0);
    await tab.open();
    studentSandbox = (await tab.hello()).sandbox;
    await settled(1);
  });
  afterAll(async () => {
    events?.close();
    await tab?.close();
    try {
      if (!stopped.includes(h)) await h?.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('shows the pool in the instructor’s state: ready, starting, and the target', async () => {
    expect(await pool()).toEqual({ ready: 1, starting: 0, target: 1 });
    expect((await instructor.state()).capacity).toMatchObject({ sandboxes: 1, maxSandboxes: MAX_SANDBOXES });
  });

  it('takes the target only from the instructor, as a whole number up to the capacity less the students', async () => {
    // one student's sandbox of five: at most four warm
    const over = await instructor.warm(MAX_SANDBOXES);
    expect(over.status).toBe(400);
    expect(await over.json()).toEqual({ error: 'invalid_warm_target', max: MAX_SANDBOXES - 1 });
    for (const target of [-1, 2.5, '3', null, undefined, 1e9]) {
      const res = await instructor.warm(target);
      expect(res.status, String(target)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_warm_target');
    }
    // a student's token, a forged one, none: refused before anything is read
    for (const token of [studentToken, `${studentToken.slice(0, -2)}xx`, undefined]) {
      const res = await postJson(h, INSTRUCTOR_PATHS.warm, { token, target: 2 });
      expect(res.status).toBe(401);
    }
    // another site's page
    expect((await instructor.post(INSTRUCTOR_PATHS.warm, { target: 2 }, 'http://evil.example')).status).toBe(403);
    expect(await pool()).toEqual({ ready: 1, starting: 0, target: 1 });
    expect(await h.store.classWarmTarget(classId)).toBeUndefined();
  });

  it('raised: that many warm sandboxes exist on the host, the page told as they come', async () => {
    const before = events.kinds.length;
    const res = await instructor.warm(4);
    expect(res.status).toBe(200);
    expect((await pool()).target).toBe(4);
    await settled(4);
    expect(await pool()).toEqual({ ready: 4, starting: 0, target: 4 });
    // the agent gathers changes for a moment before it tells the page: wait for it, not for an order
    await vi.waitFor(() => expect(events.kinds.slice(before)).toContain('warm'), { timeout: 10_000 });
    const warm = h.registry.warmSandboxes;
    expect(new Set(warm.map((s) => s.id)).size).toBe(4);
    expect(warm.map((s) => s.hostname)).not.toContain(studentSandbox);
    for (const sb of warm) {
      expect(processAlive(sb.initPid), sb.id).toBe(true);
      for (const d of sb.cgroupDirs) expect(fs.existsSync(d), d).toBe(true);
    }
    // the student's and the four warm ones: the capacity, and no more
    expect(hostSandboxDirs(h)).toHaveLength(MAX_SANDBOXES);
    expect(await h.store.classWarmTarget(classId)).toBe(4);
  });

  it('lowered: the surplus warm sandboxes are freed, the student’s is not', async () => {
    const warm = h.registry.warmSandboxes;
    expect(warm).toHaveLength(4);
    expect((await instructor.warm(1)).status).toBe(200);
    await settled(1);
    const kept = h.registry.warmSandboxes.map((s) => s.id);
    expect(kept).toHaveLength(1);
    const freed = warm.filter((s) => !kept.includes(s.id));
    expect(freed).toHaveLength(3);
    for (const sb of freed) expect(await eventually(() => gone(sb), 15_000), sb.id).toBe(true);
    expect(await eventually(() => hostSandboxDirs(h).length === 2, 15_000)).toBe(true);
    // the student's shell answers in the same sandbox
    expect(await tab.run('hostname')).toBe(studentSandbox);
    expect(h.registry.size).toBe(1);
    expect(await pool()).toEqual({ ready: 1, starting: 0, target: 1 });
  });

  it('keeps the class’s target across a restart, and leaves nothing when the agent stops', async () => {
    expect((await instructor.warm(2)).status).toBe(200);
    await settled(2);
    await tab.close();
    const first = h;
    stopped.push(first);
    await first.stop();
    for (let slot = 0; slot < first.kernel.maxSlots; slot++) {
      const base = uidBaseOfSlot(first.kernel, slot);
      expect(await eventually(() => processesInUidRange(base).length === 0, 15_000)).toBe(true);
    }
    expect(leftovers(first.kernel, probe)).toEqual([]);

    // the same store, GAIOLA_WARM_SANDBOXES still 1: the instructor's 2 holds
    h = await startOnStore();
    expect(h.registry.warmPool.target).toBe(2);
    await settled(2);
    expect(hostSandboxDirs(h)).toHaveLength(2);
    // lowered to none: every warm sandbox freed
    instructor = (await openClass(h)).instructor;
    const warm = h.registry.warmSandboxes;
    expect((await instructor.warm(0)).status).toBe(200);
    await settled(0);
    for (const sb of warm) expect(await eventually(() => gone(sb), 15_000), sb.id).toBe(true);
    expect(hostSandboxDirs(h)).toEqual([]);
    stopped.push(h);
    await h.stop();
    expect(leftovers(h.kernel, probe)).toEqual([]);
  });
});
