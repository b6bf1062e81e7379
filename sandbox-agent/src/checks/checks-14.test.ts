// The checks of lesson 14 (ports and names) on snapshots recorded from real sandboxes (fixtures/, written by
// checks-14-ports.kernel.test.ts with GAIOLA_RECORD_CHECK_FIXTURES=1), with the parameters the lesson gives.
import { describe, expect, it } from 'vitest';
import lesson from '../../../lessons/14-ports-and-names/lesson';
import type { SandboxSnapshot } from '../kernel/snapshot';
import { DONE, judge, load, notYet } from './fixture-util';

/** The snapshot with the sandbox's own namespace's tracked connections replaced. */
function withBaseConntrack(snap: SandboxSnapshot, edit: (n: NonNullable<SandboxSnapshot['net'][number]>) => void) {
  const copy = structuredClone(snap);
  const base = copy.net[copy.base.ns.net];
  if (base) edit(base);
  return copy;
}

describe('lesson 14 checks (ports and names)', () => {
  it('each step on its own snapshot, none on a fresh sandbox', () => {
    for (const step of lesson.steps) {
      expect(judge(lesson, step.id, load(`14-${step.id}`)), step.id).toEqual(DONE);
      expect(judge(lesson, step.id, load('fresh-14')).done, `${step.id} fresh`).toBe(false);
    }
  });
  it('takes iptables as it takes nft', () => {
    expect(judge(lesson, 'publish', load('14-iptables'))).toEqual(DONE);
  });
  it('passes nothing in the sandbox’s own namespaces, nor the sandbox’s files bound onto themselves', () => {
    const fakes = load('14-fakes');
    expect(judge(lesson, 'server', fakes)).toEqual(notYet('no-container', { addr: '172.17.0.2/16' }));
    expect(judge(lesson, 'names', fakes)).toEqual(notYet('own-file', { file: '/etc/hosts' }));
    expect(judge(lesson, 'names', load('14-publish'))).toEqual(notYet('not-bound', { file: '/etc/hosts' }));
  });
  it('tells a container with nothing listening', () => {
    expect(judge(lesson, 'server', load('14-container'))).toEqual(
      notYet('no-listener', { port: 80, addr: '172.17.0.2/16' }),
    );
  });
  it('counts a connection translated in the sandbox’s namespace and answered, nothing else', () => {
    expect(judge(lesson, 'publish', load('14-server'))).toEqual(
      notYet('no-nat', { port: 8080, to: '172.17.0.2', toPort: 80 }),
    );
    expect(judge(lesson, 'publish', load('14-other-ns'))).toEqual(notYet('other-ns', { port: 8080 }));
    expect(judge(lesson, 'publish', load('14-unanswered'))).toEqual(
      notYet('no-answer', { to: '172.17.0.2', toPort: 80 }),
    );
    // the same entry, to an address that is not the sandbox's, or to another port, or from another server
    const done = load('14-publish');
    const edits: ((n: NonNullable<SandboxSnapshot['net'][number]>) => void)[] = [
      (n) => {
        n.interfaces = n.interfaces.map((i) => ({ ...i, addrs: [] }));
      },
      (n) => {
        for (const e of n.conntrack ?? []) e.orig.dport = 8081;
      },
      (n) => {
        for (const e of n.conntrack ?? []) e.reply.sport = 81;
      },
      (n) => {
        delete n.conntrack; // a snapshot recorded before conntrack was read
      },
    ];
    for (const edit of edits) expect(judge(lesson, 'publish', withBaseConntrack(done, edit)).done).toBe(false);
  });
  it('reads snapshots recorded before listening ports were', () => {
    const snap = structuredClone(load('14-server'));
    for (const n of Object.values(snap.net)) delete n.listenPorts;
    expect(judge(lesson, 'server', snap)).toMatchObject({ done: false, hint: 'no-listener' });
  });
});
