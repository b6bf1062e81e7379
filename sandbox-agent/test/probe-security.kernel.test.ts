// Probe: capabilities and seccomp as a student uses them (curriculum.md lesson 11): capsh, file capabilities
// honoured for the unprivileged `aluno` (so the sandbox has no "no new privileges" flag), and a seccomp
// filter on one's own processes through the image's `seccomp-deny` (sandbox-agent/image/seccomp-deny.c).
import { describe, expect, it } from 'vitest';
import { kernelSuite } from './kernel-helpers';
import { expectPingAnswered, useProbeSandbox } from './probe-helpers';

const { skip } = kernelSuite('probe-security');

describe.skipIf(skip !== undefined)('probe: capabilities and seccomp inside a sandbox', () => {
  const p = useProbeSandbox('probe-sec');

  it('capsh --print shows root with every capability of its user namespace, and no NNP flag', async () => {
    const t = p.term;
    const out = await t.ok('capsh --print');
    expect(out).toMatch(/^Current: =ep$/m);
    const bounding = /^Bounding set =(.*)$/m.exec(out)?.[1]?.split(',') ?? [];
    expect(bounding).toEqual(expect.arrayContaining(['cap_sys_admin', 'cap_net_raw', 'cap_setfcap']));
    expect(out).toMatch(/no-new-privs=0/);
    // file capabilities and setuid work only without it (the sandbox's own seccomp filter, if any, is fine)
    expect(await t.ok("grep '^NoNewPrivs:' /proc/self/status | tr -s '\\t' ' '")).toBe('NoNewPrivs: 0');
  });

  it('capsh --drop=cap_net_raw makes ping fail', async () => {
    const t = p.term;
    expect((await t.run('ping -c1 -W1 127.0.0.1')).code).toBe(0);
    const r = await t.run("capsh --drop=cap_net_raw -- -c 'ping -c1 -W1 127.0.0.1' 2>&1");
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/Operation not permitted/);
  });

  it('file capabilities: setcap cap_net_raw+ep on a copy of ping lets aluno ping; without it aluno cannot', async () => {
    const t = p.term;
    // in aluno's home, on the sandbox root: /tmp is nosuid, which ignores file capabilities
    await t.ok('cp /bin/ping /home/aluno/ping && chown aluno: /home/aluno/ping && getcap /home/aluno/ping');
    const without = await t.run("su aluno -c 'cd && ./ping -c1 -W1 127.0.0.1' 2>&1");
    expect(without.code).not.toBe(0);
    expect(without.out).toMatch(/Operation not permitted/);
    await t.ok('setcap cap_net_raw+ep /home/aluno/ping');
    expect(await t.ok('getcap /home/aluno/ping')).toBe('/home/aluno/ping cap_net_raw=ep');
    await expectPingAnswered(t, "su aluno -c 'cd && ./ping -c1 -W1 127.0.0.1' 2>&1");
  });

  it('seccomp-deny: a denied mkdir fails with EPERM (root and aluno); other calls still work', async () => {
    const t = p.term;
    const denied = await t.run('seccomp-deny mkdir -- mkdir /tmp/sc-denied 2>&1');
    expect(denied.code).not.toBe(0);
    expect(denied.out).toMatch(/cannot create directory.*Operation not permitted/);
    expect(await t.ok('test -e /tmp/sc-denied && echo exists || echo absent')).toBe('absent');
    // the filter is on, and root needs no no_new_privs to install it
    expect(
      await t.ok("seccomp-deny mkdir -- grep -E '^(NoNewPrivs|Seccomp):' /proc/self/status | tr -s '\\t' ' '"),
    ).toBe('NoNewPrivs: 0\nSeccomp: 2');
    expect(await t.ok('seccomp-deny mkdir -- touch /tmp/sc-ok && echo touched')).toBe('touched');
    const asAluno = await t.run("su aluno -c 'seccomp-deny mkdir -- mkdir /tmp/sc-aluno' 2>&1");
    expect(asAluno.out).toMatch(/Operation not permitted/);
    // another errno, and an unknown name refused before anything runs
    expect((await t.run('seccomp-deny --errno 13 mkdir -- mkdir /tmp/sc-x 2>&1')).out).toMatch(/Permission denied/);
    expect((await t.run('seccomp-deny no_such_call -- true 2>&1')).out).toMatch(/unknown system call/);
    expect(await t.ok('mkdir /tmp/sc-free && echo made')).toBe('made');
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
