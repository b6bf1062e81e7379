// Lesson 04 (user namespaces) on a real sandbox: before anything no step is done; typed fakes pass nothing
// (the words echoed, the sandbox itself renamed, user namespaces made by the sandbox's root instead of
// aluno); the reference solution typed as aluno in tab A turns every step done.
import { describe, expect, it } from 'vitest';
import lesson from '../../lessons/04-user-namespaces/lesson';
import { sandboxPid } from '../src/checks/util';
import { lessonRig, record, typeLine } from './checks-helpers';
import { kernelSuite } from './kernel-helpers';

const { probe, skip } = kernelSuite('checks-04-user-namespaces.kernel.test');

const HOSTNAME = 'gaiola-lesson04';
const WANTED = 'rootless-demo';
const NOTHING = {
  nobody: { done: false, hint: 'no-userns' },
  'map-root': { done: false, hint: 'no-userns' },
  hostname: { done: false, hint: 'no-new-uts' },
  rootless: { done: false, hint: 'no-init' },
};

describe.skipIf(skip !== undefined)('lesson 04 checks on a real sandbox', () => {
  const rig = lessonRig(lesson, probe, { hostname: HOSTNAME, tag: 'checks-04' });

  it('is not done in a fresh sandbox', async () => {
    const { results } = await rig.lookFresh('fresh-04', ['nobody', 'map-root', 'hostname', 'rootless']);
    expect(results).toEqual(NOTHING);
  });

  it('passes nothing for typed fakes, the sandbox renamed, or user namespaces of root', async () => {
    await rig.b.ok(`echo unshare --user --map-root-user bash; echo 0 1000 1; echo ${WANTED}`);
    await rig.b.ok(`hostname ${WANTED}`);
    const renamed = await rig.obs.look();
    expect(renamed.results.hostname).toEqual({ done: false, hint: 'sandbox-renamed', params: { found: WANTED } });
    await rig.b.ok(`hostname ${HOSTNAME}`);
    // the sandbox's root, not aluno: an unmapped one, a mapped one, and a whole rootless-looking container
    await rig.b.ok('unshare --user sleep 1000 </dev/null >/dev/null 2>&1 & disown');
    await rig.b.ok('unshare --user --map-root-user sleep 1001 </dev/null >/dev/null 2>&1 & disown');
    await rig.b.ok('unshare -U -r -m -p -f -u --mount-proc sleep 1002 </dev/null >/dev/null 2>&1 & disown');
    let seen = await rig.obs.look();
    for (let i = 0; i < 100 && seen.results.rootless?.done === false && seen.results.rootless.hint === 'no-init'; i++)
      seen = await rig.obs.look();
    record('04-root-userns', seen.snap);
    expect(seen.results).toEqual({
      // the new namespaces' processes are root's: uid 0, shown against aluno's
      nobody: { done: false, hint: 'not-aluno', params: { uid: 1000, found: 0 } },
      'map-root': expect.toBeOneOf([
        { done: false, hint: 'no-root-map', params: { found: '0 0 1' } },
        { done: false, hint: 'no-map' },
      ]),
      hostname: { done: false, hint: 'wrong-name', params: { found: HOSTNAME } },
      rootless: { done: false, hint: 'not-aluno', params: { uid: 1000, found: 0 } },
    });
    await rig.b.ok('pkill -KILL -x sleep; while pgrep -x sleep >/dev/null; do sleep 0.05; done');
    expect((await rig.obs.look()).results).toEqual(NOTHING);
  });

  it('turns every step done with the reference solution typed as aluno', async () => {
    // aluno's ~/.bashrc in the base image exports the prompt marker too: prompts alone trigger checks.
    expect(await rig.b.ok("grep -c '6973;P' /home/aluno/.bashrc")).toBe('1');
    await typeLine(rig.a, 'su - aluno');
    expect(await typeLine(rig.a, 'id -u')).toMatch(/[\r\n]1000\r\n/);

    await typeLine(rig.a, 'unshare --user bash');
    const nobody = await rig.obs.until('nobody');
    record('04-nobody', nobody.snap);
    expect(await typeLine(rig.a, 'id -u')).toMatch(/[\r\n]65534\r\n/);
    expect(nobody.results['map-root']).toEqual({ done: false, hint: 'no-map' });
    await typeLine(rig.a, 'exit');

    await typeLine(rig.a, 'unshare --user --map-root-user bash');
    const mapped = await rig.obs.until('map-root');
    record('04-map-root', mapped.snap);
    const sh = mapped.snap.processes.find((p) => p.uidMap !== null && p.comm === 'bash');
    expect(sh?.uidMap?.trim().split(/\s+/)).toEqual(['0', String(rig.sb.uidBase + 1000), '1']);
    expect(sh?.setgroups).toBe('deny');
    expect(mapped.results.nobody).toEqual({
      done: false,
      hint: 'mapped',
      params: { pid: sandboxPid(sh as NonNullable<typeof sh>), found: '0 1000 1' },
    });
    // inside, the same map reads as the sandbox sees it
    expect(await typeLine(rig.a, 'cat /proc/self/uid_map')).toMatch(/^\s*0\s+1000\s+1\r$/m);
    expect(await typeLine(rig.a, 'hostname outro-nome; echo rc=$?')).toMatch(/rc=1/);
    await typeLine(rig.a, 'exit');

    await typeLine(rig.a, 'unshare -U -r -u bash');
    await typeLine(rig.a, `hostname ${WANTED}`);
    const named = await rig.obs.until('hostname');
    record('04-hostname', named.snap);
    expect(named.snap.base.hostname).toBe(HOSTNAME);
    await typeLine(rig.a, 'exit');

    await typeLine(rig.a, 'unshare -U -r -m -p -f -u --mount-proc bash');
    const rootless = await rig.obs.until('rootless');
    record('04-rootless', rootless.snap);
    expect(await typeLine(rig.a, 'echo $$; id -u')).toMatch(/[\r\n]1\r\n0\r\n/);
    await typeLine(rig.a, 'exit');
    await typeLine(rig.a, 'exit');
  });

  it('leaves nothing on the host', async () => {
    await rig.destroyAndExpectNothingLeft();
  });
});
