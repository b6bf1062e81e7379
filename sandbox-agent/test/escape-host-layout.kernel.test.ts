// What a student reads of the host's layout from inside: the sandbox's mount tables name no directory of the
// host's (where the launcher keeps the overlay's layers, where the base image lives), whether read through
// the shell's own /proc/self or the init's; and the only host ids in them are the sandbox's own.
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultKernelConfig } from '../src/kernel/config';
import { mapFromHost, parseIdMap, parseMountinfo } from '../src/kernel/parse';
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

  // tmpfs and devpts print their owner (uid=, gid=) in the host's numbering, whoever reads them: a tmpfs the
  // student mounts shows their host uid as well, the same number their uid_map shows every process. What must
  // not show is anyone else's id: host root's, the agent's, another sandbox's.
  it('the ids in its mount options are its own: inside the range its uid_map and gid_map show', async () => {
    const t = p.term;
    await t.ok('mkdir -p /tmp/own && mount -t tmpfs own /tmp/own');
    const uidMap = parseIdMap(await t.ok('cat /proc/self/uid_map'));
    const gidMap = parseIdMap(await t.ok('cat /proc/self/gid_map'));
    expect(uidMap).toEqual([{ inside: 0, outside: p.sandbox.uidBase, count: 65536 }]);
    const foreign: string[] = [];
    let seen = 0;
    for (const file of ['/proc/self/mountinfo', '/proc/1/mountinfo']) {
      for (const m of parseMountinfo(await t.ok(`cat ${file}`))) {
        for (const o of m.superOptions) {
          const id = /^(uid|gid)=(\d+)$/.exec(o);
          if (!id) continue;
          seen++;
          const inside = mapFromHost(id[1] === 'uid' ? uidMap : gidMap, Number(id[2]));
          if (inside === undefined) foreign.push(`${file}: ${m.mountPoint} ${o}`);
        }
      }
    }
    expect(foreign).toEqual([]);
    // the student's tmpfs at least, in the shell's table
    expect(seen).toBeGreaterThan(0);
    await t.ok('umount /tmp/own');
  });

  it('leaves nothing on the host', async () => {
    await p.destroyAndCheckHost();
  });
});
