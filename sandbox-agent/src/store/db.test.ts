import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from './db';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'gaiola-db-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('Store (a real SQLite file)', () => {
  it('creates the schema once and keeps data across reopen', () => {
    const dir = tempDir();
    const a = Store.open(dir);
    a.upsertStudent('s1', 'solo', 1000);
    a.upsertStudent('s1', 'solo', 2000);
    a.close();
    const b = Store.open(dir);
    expect(b.getStudent('s1')).toEqual({ id: 's1', mode: 'solo', created_at: 1000, last_seen_at: 2000 });
    b.close();
    expect(fs.existsSync(path.join(dir, 'gaiola.db'))).toBe(true);
  });

  it('records sandboxes and closes the ones a crashed agent left open', () => {
    const s = Store.open(tempDir());
    s.upsertStudent('s1', 'solo');
    s.sandboxCreated('gaiola-a', 's1', 10);
    s.sandboxCreated('gaiola-b', 's1', 11);
    s.sandboxDestroyed('gaiola-a', 'grace-expired', 20);
    expect(s.closeStaleSandboxes(30)).toBe(1);
    expect(s.closeStaleSandboxes(40)).toBe(0);
    s.close();
  });

  it('refuses a sandbox of an unknown student', () => {
    const s = Store.open(tempDir());
    expect(() => s.sandboxCreated('gaiola-x', 'nobody')).toThrow(/FOREIGN KEY/);
    s.close();
  });
});
