import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../kernel/sandbox';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { type LookRequest, sharedLooks } from './sandbox-observer';

// When one look serves several askers, with the kernel replaced by a hand-driven one: each look waits until
// the test settles it, so the order of events is the test's (the real kernel: test/observer.kernel.test.ts).
function rig() {
  const pending: { opts: LookRequest; settle: (err?: Error) => void }[] = [];
  let n = 0;
  const { look, stats } = sharedLooks(
    (_sb, opts) =>
      new Promise<SandboxSnapshot>((resolve, reject) => {
        const snap = { takenAt: ++n } as unknown as SandboxSnapshot;
        pending.push({ opts, settle: (err) => (err ? reject(err) : resolve(snap)) });
      }),
  );
  const sb = { id: 'sb1' } as unknown as Sandbox;
  const ask = (req: Partial<LookRequest>) => look(sb, { paths: [], fixtures: {}, ...req });
  const settle = async (err?: Error) => {
    pending.shift()?.settle(err);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { ask, settle, pending, stats, sb, look };
}

describe('the sandbox observer', () => {
  it('serves askers of one moment with one look, and a later asker with the next', async () => {
    const { ask, settle, pending, stats } = rig();
    const t0 = Date.now();
    const a = ask({ notBefore: t0, paths: ['/root/rootfs'] });
    const b = ask({ notBefore: t0, network: true });
    // b came while a's look ran and needs more than it reads: it waits for the next, which reads both.
    expect(pending.length).toBe(1);
    await settle();
    expect(await a).toEqual({ takenAt: 1 });
    expect(pending.length).toBe(1);
    expect(pending[0]?.opts).toMatchObject({ paths: ['/root/rootfs'], network: true });
    await settle();
    expect(await b).toEqual({ takenAt: 2 });
    expect(stats).toEqual({ requests: 2, looks: 2 });
  });

  it('hands a look begun after the asked moment, running or done, to whoever it covers', async () => {
    const { ask, settle, stats } = rig();
    const prompt = Date.now();
    const checks = ask({ notBefore: prompt, paths: ['/root/rootfs'], network: true });
    const panelWhileRunning = ask({ notBefore: prompt });
    await settle();
    const panelAfter = ask({ notBefore: prompt, knownBaseHostname: 'gaiola' });
    expect(await checks).toBe(await panelWhileRunning);
    expect(await panelAfter).toBe(await checks);
    expect(stats).toEqual({ requests: 3, looks: 1 });
  });

  it('looks again for a moment after the last look began, or for a host name the last look did not read', async () => {
    const { ask, settle, stats } = rig();
    const first = ask({ knownBaseHostname: 'gaiola' });
    await settle();
    await first;
    const fresh = ask({ notBefore: Date.now() + 1 });
    await settle();
    expect(await fresh).toEqual({ takenAt: 2 });
    const hostname = ask({ notBefore: 0 });
    // the second look read the host name (the fresh asker wanted it read): it covers this one
    expect(await hostname).toEqual({ takenAt: 2 });
    expect(stats).toEqual({ requests: 3, looks: 2 });
  });

  it('reads the host name only for an asker of this look that wants it, not for a recent one', async () => {
    const { ask, settle, pending, stats } = rig();
    // the panel's first look reads the name; its next ones (a moment later, on its pace) give it
    const first = ask({});
    expect(pending[0]?.opts.knownBaseHostname).toBeUndefined();
    await settle();
    await first;
    const next = ask({ notBefore: Date.now() + 1, knownBaseHostname: 'gaiola' });
    expect(pending[0]?.opts.knownBaseHostname).toBe('gaiola');
    // while that look runs, the panel and an asker that wants the name read queue the next: it reads the name
    const panel = ask({ notBefore: Date.now() + 1, knownBaseHostname: 'gaiola' });
    const checks = ask({ notBefore: Date.now() + 1 });
    await settle();
    await next;
    expect(pending[0]?.opts.knownBaseHostname).toBeUndefined();
    await settle();
    expect(await checks).toBe(await panel);
    expect(stats).toEqual({ requests: 4, looks: 3 });
  });

  it('passes a failed look to its askers, and the next ask looks again', async () => {
    const { ask, settle, stats } = rig();
    const failed = expect(ask({})).rejects.toThrow(/is gone/);
    await settle(new Error('sandbox init 42 is gone'));
    await failed;
    const b = ask({ notBefore: 0 });
    await settle();
    expect(await b).toEqual({ takenAt: 2 });
    expect(stats.looks).toBe(2);
  });

  it('keeps one observer per sandbox: another sandbox never gets its snapshots', async () => {
    const { look, settle, stats, sb } = rig();
    const other = { id: 'sb2' } as unknown as Sandbox;
    const a = look(sb, { paths: [], fixtures: {}, notBefore: 0 });
    const b = look(other, { paths: [], fixtures: {}, notBefore: 0 });
    await settle();
    await settle();
    expect(await a).not.toBe(await b);
    expect(stats.looks).toBe(2);
  });
});
