// Fuzzing of the launcher's `list`, the query whose input a student controls most (directory names are any
// bytes but '/' and NUL, 1 to 255 of them, in trees of any shape): generated trees of such names, files,
// directories and symlinks are listed by a launcher build (the sanitizer one under test), and what the agent's
// reader (parseLauncherList) makes of the output must be exactly the listing the tree calls for: every name
// back byte for byte (as UTF-8 text), depth first, names in byte order, cut at the depth and entry limits.
// A crash, a sanitizer report or a wrong listing is a failure. Used by launcher-fuzz.kernel.test.ts (short)
// and bench/launcher-fuzz.ts (a million names and more).
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { type ListedEntry, parseLauncherList } from '../src/kernel/list-dirs';

/** Bounds the launcher applies (LIST_MAX_* in launcher/args.h). */
export const FUZZ_DEPTH = 6;
export const FUZZ_MAX_ENTRIES = 1000;
export const FUZZ_PATHS = 32;
/** Where the trees go: memory, so that a round costs the listing rather than the disk. */
export const FUZZ_SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
/** The uid and gid the listing runs as: nobody, who may read the generated trees and nothing else of ours. */
const NOBODY = 65534;
/** Longest name Linux allows (NAME_MAX). */
const NAME_MAX = 255;
/** '/' cannot be in a name. */
const SLASH = 0x2f;

/** xorshift32: reproducible from its seed, which a failure prints. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  /** An integer in [0, n). */
  below(n: number): number {
    return this.next() % n;
  }
}

/** A name of 1..255 bytes, any byte but NUL and '/', mostly short ones, never "." or "..". */
function randomName(rng: Rng): Buffer {
  const len = rng.below(10) < 7 ? 1 + rng.below(16) : 1 + rng.below(NAME_MAX);
  const b = Buffer.alloc(len);
  for (let i = 0; i < len; i++) {
    let c = 1 + rng.below(255);
    if (c === SLASH) c = 0x5c; // a backslash instead: the launcher escapes those
    b[i] = c;
  }
  const s = b.toString('latin1');
  return s === '.' || s === '..' ? randomName(rng) : b;
}

type Node = { kind: 'f' } | { kind: 'l' } | { kind: 'd'; children: Map<string, { name: Buffer; node: Node }> };

/** A random tree of about `budget` entries, `levels` deep at most; returns the entries it holds. */
function randomTree(rng: Rng, budget: number, levels: number): { root: Node; count: number } {
  let count = 0;
  const grow = (level: number): Node => {
    const children = new Map<string, { name: Buffer; node: Node }>();
    const want = level === 0 ? budget : rng.below(Math.max(1, Math.min(40, budget - count)));
    while (count < budget && children.size < want) {
      const name = randomName(rng);
      const key = name.toString('latin1');
      if (children.has(key)) continue;
      count++;
      const roll = rng.below(100);
      const node: Node = roll < 20 && level + 1 < levels ? grow(level + 1) : roll < 30 ? { kind: 'l' } : { kind: 'f' };
      children.set(key, { name, node });
      if (level > 0 && rng.below(4) === 0) break;
    }
    return { kind: 'd', children };
  };
  return { root: grow(0), count };
}

function writeTree(dir: Buffer, node: Node, rng: Rng): void {
  if (node.kind !== 'd') return;
  for (const { name, node: child } of node.children.values()) {
    const path = Buffer.concat([dir, Buffer.from('/'), name]);
    if (child.kind === 'd') {
      mkdirSync(path, { mode: 0o755 });
      writeTree(path, child, rng);
    } else if (child.kind === 'l') {
      // Targets that lead out, up, or nowhere: the listing must follow none of them.
      const targets = ['/', '..', '/etc/shadow', '/proc/self/root', 'x'.repeat(1 + rng.below(40))];
      symlinkSync(targets[rng.below(targets.length)] as string, path);
    } else writeFileSync(path, '');
  }
}

/** What `list` must print for a tree, as parseLauncherList reads it. */
function expectedListing(
  root: Node,
  depth: number,
  maxEntries: number,
): { entries: ListedEntry[]; truncated: boolean } {
  const entries: ListedEntry[] = [];
  let truncated = false;
  const walk = (node: Node, rel: Buffer[], level: number) => {
    if (node.kind !== 'd') return;
    const sorted = [...node.children.values()].sort((a, b) => Buffer.compare(a.name, b.name));
    for (const { name, node: child } of sorted) {
      if (truncated) return;
      if (entries.length === maxEntries) {
        truncated = true;
        return;
      }
      const path = [...rel, name];
      const type = child.kind === 'd' ? 'dir' : child.kind === 'l' ? 'symlink' : 'file';
      entries.push({
        path: Buffer.concat(path.flatMap((p, i) => (i ? [Buffer.from('/'), p] : [p]))).toString('utf8'),
        type,
      });
      if (child.kind === 'd' && level + 1 < depth) walk(child, path, level + 1);
    }
  };
  walk(root, [], 0);
  return { entries, truncated };
}

function run(
  launcher: string,
  args: string[],
): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    // Leaks are not looked for: a query lives for milliseconds. Any other sanitizer report aborts.
    const child = spawn(launcher, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=1', UBSAN_OPTIONS: 'print_stacktrace=1' },
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out: Buffer.concat(out).toString('utf8'), err }));
  });
}

export interface FuzzResult {
  names: number;
  listings: number;
}

/**
 * One round: FUZZ_PATHS random trees (some larger than the entry limit, some deeper than the depth limit) in
 * a fresh directory under `scratch`, one `list` of them all, each listing compared. Throws on any difference,
 * naming the seed.
 */
export async function fuzzRound(launcher: string, scratch: string, seed: number): Promise<FuzzResult> {
  const rng = new Rng(seed);
  const dir = mkdtempSync(`${scratch}/gaiola-fuzz-`);
  try {
    chmodSync(dir, 0o755);
    const trees: { path: string; root: Node }[] = [];
    let names = 0;
    for (let k = 0; k < FUZZ_PATHS; k++) {
      const path = `${dir}/${k}`;
      mkdirSync(path, { mode: 0o755 });
      const { root, count } = randomTree(rng, 1 + rng.below(FUZZ_MAX_ENTRIES + 100), FUZZ_DEPTH + 1);
      writeTree(Buffer.from(path), root, rng);
      trees.push({ path, root });
      names += count;
    }
    const args = ['list', '--pid', String(process.pid), '--uid', String(NOBODY), '--gid', String(NOBODY)];
    args.push('--depth', String(FUZZ_DEPTH), '--max-entries', String(FUZZ_MAX_ENTRIES), '--');
    const r = await run(launcher, [...args, ...trees.map((t) => t.path)]);
    if (r.code !== 0) throw new Error(`seed ${seed}: list exited ${r.code ?? r.signal}: ${r.err.slice(0, 4000)}`);
    let got: ReturnType<typeof parseLauncherList>;
    try {
      got = parseLauncherList(r.out);
    } catch (err) {
      throw new Error(`seed ${seed}: ${(err as Error).message.slice(0, 400)}`);
    }
    for (const t of trees) {
      const want = expectedListing(t.root, FUZZ_DEPTH, FUZZ_MAX_ENTRIES);
      const listing = got.get(t.path);
      if (!listing) throw new Error(`seed ${seed}: ${t.path} not listed`);
      if (listing.error || listing.truncated !== want.truncated || listing.entries.length !== want.entries.length)
        throw new Error(
          `seed ${seed}: ${t.path}: ${listing.entries.length} entries${listing.truncated ? ' +' : ''} ${listing.error ?? ''}, want ${want.entries.length}${want.truncated ? ' +' : ''}`,
        );
      for (let i = 0; i < want.entries.length; i++) {
        const a = listing.entries[i];
        const b = want.entries[i];
        if (a?.path !== b?.path || a?.type !== b?.type)
          throw new Error(`seed ${seed}: ${t.path} entry ${i}: ${JSON.stringify(a)}, want ${JSON.stringify(b)}`);
      }
    }
    return { names, listings: trees.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
