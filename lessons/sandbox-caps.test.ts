// A sandbox's memory cap is a setting of the agent (GAIOLA_SANDBOX_MEMORY_MIB), so no lesson states the
// default as the cap the student has: the text gives the command that reads it from the sandbox's cgroup
// (issue 23, density: "Lesson 05's prose says a fixed 512 MiB while the cap is a setting").
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../lib/locales';
import { DEFAULT_MEMORY_BYTES } from '../sandbox-agent/src/kernel/config';

const here = path.dirname(new URL(import.meta.url).pathname);
const diagrams = path.join(here, '..', 'public', 'diagrams');

const MIB = 1024 * 1024;
/** The default cap in the forms a text would write it: 536870912, 512 MiB, 512M. */
const DEFAULT_CAP = new RegExp(`\\b(${DEFAULT_MEMORY_BYTES}|${DEFAULT_MEMORY_BYTES / MIB}\\s?(MiB|MB|M)\\b)`);

/** Every text a student reads: lessons' prose, appendices, structure (steps, quiz) and answers, diagrams. */
function texts(): [string, string][] {
  const out: [string, string][] = [];
  for (const dir of readdirSync(here, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const file of readdirSync(path.join(here, dir.name)))
      if (/\.(mdx|ts)$/.test(file))
        out.push([`${dir.name}/${file}`, readFileSync(path.join(here, dir.name, file), 'utf8')]);
  }
  for (const file of readdirSync(diagrams))
    if (file.endsWith('.svg')) out.push([`diagrams/${file}`, readFileSync(path.join(diagrams, file), 'utf8')]);
  return out;
}

/** The text inside every `<tag>…</tag>` block of an MDX page. */
function blocks(text: string, tag: string): string {
  return [...text.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]).join('\n');
}

describe('the sandbox memory cap', () => {
  it('is never stated as its default in a lesson, its quiz or a diagram', () => {
    const stated = texts()
      .filter(([, text]) => DEFAULT_CAP.test(text))
      .map(([where]) => where);
    expect(stated).toEqual([]);
  });

  it.each(locales)('is read from the sandbox in lesson 05 (%s), with the file of each cgroup version', (locale) => {
    const text = readFileSync(path.join(here, '05-cgroups-memory', `${locale}.mdx`), 'utf8');
    expect(blocks(text, 'CgroupV1')).toContain('`cat /sys/fs/cgroup/memory/memory.limit_in_bytes`');
    expect(blocks(text, 'CgroupV2')).toContain('`cat /sys/fs/cgroup/memory.max`');
  });
});
