// What a student reads of the host's layout from inside: the sandbox's mount tables name no directory of the
// host's (where the launcher keeps the overlay's layers, where the base image lives), whether read through
// the shell's own /proc/self or the init's.
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultKernelConfig } from '../src/kernel/config';
import { kernelSuite } from './kernel-helpers';
import { useProbeSandbox } from './probe-helpers';

const FILE = 'escape-host-layout';
const { skip } = kernelSuite(FILE);

describe.skipIf(skip !== undefined)('the host’s layout, seen from a sandbox', () => {
  const p = useProbeSandbox('gaiola-layout');
  const base = defaultKernelConfig().baseImageDir;
  // The launcher's run directory is /run/gaiola (/run/gaiola-t… for a test run); the image's real directory
  // sits under the configured one's parent.
  const hostPaths = ['/run/gaiola', base, realpathSync(base)];

  it.each(['/proc/self/mountinfo', '/proc/1/mountinfo'])('%s names no host path', async (file) => {
    const table = await p.term.ok(`cat ${file}`);
    expect(table).toMatch(/ - overlay /);
    for (const path of hostPaths) expect(table).not.toContain(path);
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
