// The answer keys (`lessons/*/answers.ts`) are for the agent only: if the site imported one, bundling
// would ship the right options and their feedback to every browser. This walks the import graph of the
// site's code (app/, lib/, proxy.ts, next.config.mjs) through every local module it reaches, lessons/
// and the protocol included, and fails on any import that names or reaches an answer key. The e2e
// suite checks the built bundles and served pages as well (e2e/lessons.spec.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const SOURCE = /\.(ts|tsx|mjs|js)$/;
const TEST = /\.test\.(ts|tsx)$/;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (SOURCE.test(name) && !TEST.test(name)) out.push(full);
  }
  return out;
}

/** Module specifiers in a source: static and dynamic imports, re-exports, require; template literals too. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"`])([^'"`]+)\1/g,
    /\bimport\s*(['"`])([^'"`]+)\1/g,
    /\b(?:import|require)\s*\(\s*(['"`])([^'"`]+)\1/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) out.push(m[2] ?? '');
  return out;
}

function resolve(spec: string, from: string): string | null {
  let base: string;
  if (spec === '@protocol') base = path.join(root, 'sandbox-agent/src/protocol/index.ts');
  else if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return null; // a package from node_modules
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function siteGraph(): { files: Set<string>; edges: [string, string][] } {
  const entries = [
    ...walk(path.join(root, 'app')),
    ...walk(path.join(root, 'lib')),
    path.join(root, 'proxy.ts'),
    path.join(root, 'next.config.mjs'),
  ];
  const files = new Set<string>();
  const edges: [string, string][] = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!SOURCE.test(file)) continue;
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      edges.push([file, spec]);
      const target = resolve(spec, file);
      if (target && !files.has(target)) queue.push(target);
    }
  }
  return { files, edges };
}

describe('the answer keys never reach the site', () => {
  it('finds import specifiers of every kind', () => {
    expect(
      specifiers(
        [
          "import a from './a';",
          'import { b } from "@/b";',
          "import './c.css';",
          "export * from './d';",
          `const e = await import(\`../lessons/${'$'}{s}/answers.ts\`);`,
          "require('f');",
        ].join('\n'),
      ),
    ).toEqual(['./a', '@/b', './d', './c.css', `../lessons/${'$'}{s}/answers.ts`, 'f']);
  });

  it('walks the site’s import graph into lessons/ and the protocol', () => {
    const { files } = siteGraph();
    const rel = [...files].map((f) => path.relative(root, f));
    expect(rel).toContain('lessons/index.ts');
    expect(rel).toContain('lessons/02-unshare/lesson.ts');
    expect(rel).toContain('sandbox-agent/src/protocol/index.ts');
  });

  it('has no module of the site that imports or reaches an answers.ts', () => {
    const { files, edges } = siteGraph();
    const reached = [...files]
      .filter((f) => path.basename(f).startsWith('answers.'))
      .map((f) => path.relative(root, f));
    expect(reached).toEqual([]);
    const naming = edges
      .filter(([, spec]) => /answers/i.test(spec))
      .map(([file, spec]) => `${path.relative(root, file)} → ${spec}`);
    expect(naming).toEqual([]);
  });
});
