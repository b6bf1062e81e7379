// readSandboxFile never lets a path the student controls lead the agent (host root) out of the sandbox:
// absolute and relative symlinks, '..' and /proc magic links all resolve inside or fail.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSandboxFile, SandboxFileError } from '../src/kernel/read-file';
import { eventually, kernelSuite, sandboxFixture } from './kernel-helpers';

const { probe, skip } = kernelSuite('read-file.kernel.test');

const SHADOW_MARKER = 'gaiola-sandbox-shadow-marker';
const HOSTNAME_MARKER = 'gaiola-sandbox-hostname-marker';

describe.skipIf(skip !== undefined)('readSandboxFile', () => {
  const box = sandboxFixture(probe, { hostnames: ['gaiola-files'], shells: 1 });
  const { cfg } = box;
  let sleeperPid = 0;
  const read = (path: string, max?: number) =>
    readSandboxFile({ ...box.sandbox(), launcherPath: cfg.launcherPath }, path, max);
  const failsWith = async (path: string, code: string) => {
    const err = await read(path).then(
      (buf) => new Error(`read ${path} returned ${buf.length} bytes: ${buf.toString('utf8').slice(0, 80)}`),
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SandboxFileError);
    expect((err as SandboxFileError).code).toBe(code);
  };

  beforeAll(async () => {
    const t = box.shell();
    await t.ok(
      [
        `echo ${SHADOW_MARKER} >> /etc/shadow`,
        `echo ${HOSTNAME_MARKER} > /etc/hostname`,
        'ln -s /etc/shadow /root/secret-link',
        'ln -s ../../../../../etc/hostname /root/up',
        'ln -s /proc/1/root/etc/shadow /root/magic',
        'ln -s /work/main/package.json /root/host-only',
        'mkfifo /root/fifo',
        'echo plain > /root/plain',
      ].join(' && '),
    );
    // a dumpable process of the sandbox: its /proc/N/root is a magic link the reader could otherwise follow
    // the last line: interactive bash also prints the job ("[1] 42")
    sleeperPid = Number((await t.ok('sleep 1000 </dev/null >/dev/null 2>&1 & disown; echo $!')).split('\n').pop());
    t.pty.write('exit\n');
    await t.waitExit();
  });

  it('reads a plain file of the sandbox', async () => {
    expect((await read('/root/plain')).toString('utf8')).toBe('plain\n');
  });

  it("resolves an absolute symlink to /etc/shadow inside the sandbox, never the host's", async () => {
    const got = (await read('/root/secret-link')).toString('utf8');
    expect(got).toContain(SHADOW_MARKER);
    expect(got).not.toBe(readFileSync('/etc/shadow', 'utf8'));
  });

  it('keeps relative symlinks and .. paths inside the sandbox root', async () => {
    expect((await read('/root/up')).toString('utf8')).toBe(`${HOSTNAME_MARKER}\n`);
    expect((await read('../../../../etc/shadow')).toString('utf8')).toContain(SHADOW_MARKER);
    expect((await read('/root/../../../etc/hostname')).toString('utf8')).toBe(`${HOSTNAME_MARKER}\n`);
  });

  it('never reaches a host path, even one that exists on the host', async () => {
    await failsWith('/root/host-only', 'ENOENT');
    await failsWith('/work/main/package.json', 'ENOENT');
  });

  it('refuses /proc magic links', async () => {
    expect(sleeperPid).toBeGreaterThan(1);
    // Sandbox processes are root of a user namespace owned by host root, so the reader (the sandbox's uid on the
    // host, no capabilities) may not even look at their magic links (EACCES); RESOLVE_NO_MAGICLINKS is the
    // second wall (ELOOP), proven on its own below.
    const anyOf = { code: expect.stringMatching(/^(ELOOP|EACCES)$/) };
    await expect(read(`/proc/${sleeperPid}/root/etc/shadow`)).rejects.toMatchObject(anyOf);
    await expect(read(`/proc/${sleeperPid}/cwd/plain`)).rejects.toMatchObject(anyOf);
    await expect(read('/proc/1/root/etc/shadow')).rejects.toMatchObject({
      code: expect.stringMatching(/^(ELOOP|EACCES)$/),
    });
    await expect(read('/root/magic')).rejects.toMatchObject({ code: expect.stringMatching(/^(ELOOP|EACCES)$/) });
    // /proc/self names no process of the sandbox's pid namespace for the reader
    await expect(read('/proc/self/root/etc/shadow')).rejects.toBeInstanceOf(SandboxFileError);
  });

  it('refuses a magic link even where the reader would be allowed to follow it', async () => {
    // A host process of our own running as an otherwise unused uid: the same uid reading its /proc/N/root
    // passes every permission check, so only RESOLVE_NO_MAGICLINKS stands between the path and the host's /.
    const uid = box.sandbox().uidBase + 4242;
    const own = spawn('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', 'sleep', '300'], {
      stdio: 'ignore',
    });
    try {
      await eventually(() => readFileSync(`/proc/${own.pid}/status`, 'utf8').includes(`Uid:\t${uid}`), 5000, 10);
      const reader = { initPid: own.pid as number, uidBase: uid, launcherPath: cfg.launcherPath };
      // control: the same reader reads a plain path of that root (the host's /)
      expect((await readSandboxFile(reader, '/etc/hostname')).toString('utf8')).toBe(
        readFileSync('/etc/hostname', 'utf8'),
      );
      await expect(readSandboxFile(reader, `/proc/${own.pid}/root/etc/hostname`)).rejects.toMatchObject({
        code: 'ELOOP',
      });
      await expect(readSandboxFile(reader, '/proc/self/root/etc/hostname')).rejects.toBeInstanceOf(SandboxFileError);
    } finally {
      own.kill('SIGKILL');
    }
  });

  it("reads as the sandbox's root, without host privileges", async () => {
    // the init is not dumpable: only host root could read its environment
    await failsWith('/proc/1/environ', 'EACCES');
  });

  it('refuses directories, FIFOs (without hanging) and files over the limit', async () => {
    await failsWith('/etc', 'ENOTREG');
    await failsWith('/root/fifo', 'ENOTREG');
    await expect(read('/etc/services', 16)).rejects.toMatchObject({ code: 'EFBIG' });
    await failsWith('/no/such/file', 'ENOENT');
  });
});
