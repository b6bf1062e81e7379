import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getMDXComponent } from 'mdx-bundler/client/jsx';
import { createElement } from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonComponents } from '@/app/_components/lesson/mdx-components';
import { findStep } from '@/app/_components/lesson/step';
import { cgroupCommands } from '@/lessons/cgroup-commands';
import { lessons } from '@/lessons/index';
import { defineLesson, LOCALES } from '@/lessons/types';
import { getMessages } from '@/lib/i18n';
import { appendixPath, loadAppendixMdx, loadLessonMdx, mdxPath, stepIdsInMdx, unknownStepIds } from './load';

const lesson = defineLesson({
  slug: '99-test',
  order: 99,
  title: { pt: 'Teste', gl: 'Proba' },
  summary: { pt: 's', gl: 's' },
  steps: [
    {
      id: 'one',
      title: { pt: 'Um', gl: 'Un' },
      commands: [
        { tab: 1, text: 'hostname' },
        ...cgroupCommands((c) => [
          { tab: 1, text: `cat ${c.dir('memory')}/${c.v1 ? 'memory.limit_in_bytes' : 'memory.max'}` },
        ]),
      ],
      check: { id: 'pid-ns-init' },
      hints: { nope: { pt: 'Ainda não: `{found}`', gl: 'Aínda non: `{found}`' } },
    },
  ],
  quiz: [],
});

function render(code: string, locale: 'pt' | 'gl', def = lesson, cgroup: 'v1' | 'v2' = 'v2'): string {
  const Content = getMDXComponent(code, { _jsx_runtime: jsxRuntime });
  return renderToStaticMarkup(
    createElement(Content, { components: lessonComponents(def, locale, getMessages(locale), cgroup) }),
  );
}

let dir: string;
const saved = process.env.GAIOLA_LESSONS_DIR;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gaiola-mdx-'));
  process.env.GAIOLA_LESSONS_DIR = dir;
  await mkdir(path.join(dir, '99-test'));
});

afterAll(() => {
  if (saved === undefined) delete process.env.GAIOLA_LESSONS_DIR;
  else process.env.GAIOLA_LESSONS_DIR = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('stepIdsInMdx', () => {
  it('finds <Step id> in every quoting, in order', () => {
    expect(stepIdsInMdx('<Step id="a" />\ntext <Step  id=\'b\'/>\n<Step id={"c"} />\n<Steps id="no" />')).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(unknownStepIds(lesson, '<Step id="one" /><Step id="two" />')).toEqual(['two']);
  });
  it('refuses a slug that is not NN-name', () => {
    expect(() => mdxPath('../etc', 'pt')).toThrow(/not a lesson slug/);
    expect(() => appendixPath('../etc', 'pt')).toThrow(/not a lesson slug/);
  });
});

describe('loadLessonMdx', () => {
  it('is null while a locale’s prose is not written', async () => {
    expect(await loadLessonMdx(lesson, 'gl')).toBeNull();
  });

  it('compiles once per file version and renders the lesson’s components', async () => {
    const file = path.join(dir, '99-test', 'pt.mdx');
    writeFileSync(
      file,
      '## Olá\n\nUse `ls`.\n\n<Step id="one" />\n\n<Note>\nUma nota.\n</Note>\n\n<Diagram name="ns" alt="Um desenho" />\n\n```sh\nunshare -u bash\n```\n',
    );
    const first = await loadLessonMdx(lesson, 'pt');
    expect(first?.stepIds).toEqual(['one']);
    expect(await loadLessonMdx(lesson, 'pt')).toBe(first);
    const html = render(first?.code ?? '', 'pt');
    expect(html).toContain('data-testid="step-one"');
    expect(html).toContain('data-testid="step-status-one"');
    expect(html).toContain('Executar no Terminal B');
    expect(html).toContain('<code translate="no">ls</code>');
    expect(html).toMatch(/<pre[^>]*translate="no"[^>]*><code[^>]*translate="no"[^>]*>unshare -u bash/);
    expect(html).toContain('<img src="/diagrams/ns.pt.svg" alt="Um desenho"');
    expect(html).toContain('data-kind="note"');

    const later = new Date(Date.now() + 5000);
    writeFileSync(file, '<Step id="one" />\n\nOutra versão.\n');
    utimesSync(file, later, later);
    const second = await loadLessonMdx(lesson, 'pt');
    expect(second).not.toBe(first);
    expect(render(second?.code ?? '', 'pt')).toContain('Outra versão.');
  });

  it("shows the commands and text of the host's cgroup version only, with the same test ids on both", async () => {
    const file = path.join(dir, '99-test', 'pt.mdx');
    writeFileSync(
      file,
      '<Step id="one" />\n\n<CgroupV1>\n\nArquivo `memory.limit_in_bytes`.\n\n</CgroupV1>\n<CgroupV2>\n\nArquivo `memory.max`.\n\n</CgroupV2>\n',
    );
    const later = new Date(Date.now() + 10_000);
    utimesSync(file, later, later);
    const code = (await loadLessonMdx(lesson, 'pt'))?.code ?? '';
    const v1 = render(code, 'pt', lesson, 'v1');
    const v2 = render(code, 'pt', lesson, 'v2');
    expect(v1).toContain('memory.limit_in_bytes</code>');
    expect(v1).not.toContain('memory.max');
    expect(v1).toContain('data-testid="run-one-1"');
    expect(v1).not.toContain('data-testid="run-one-2"');
    expect(v2).toContain('cat /sys/fs/cgroup/memory.max');
    expect(v2).not.toContain('limit_in_bytes');
    expect(v2).toContain('data-testid="run-one-2"');
    for (const html of [v1, v2]) expect(html).toContain('data-testid="run-one-0"');
  });

  it('fails on a <Step id> the lesson does not define, instead of rendering nothing', async () => {
    writeFileSync(path.join(dir, '99-test', 'gl.mdx'), 'Texto.\n\n<Step id="missing" />\n');
    await expect(loadLessonMdx(lesson, 'gl')).rejects.toThrow(/missing/);
    // The component refuses too (an id the source scan could not see).
    expect(() => findStep(lesson, 'missing')).toThrow(/no such step/);
  });
});

describe('loadAppendixMdx', () => {
  it('is null for a lesson without an appendix, and renders one with the lesson’s components', async () => {
    expect(await loadAppendixMdx(lesson, 'pt')).toBeNull();
    writeFileSync(
      path.join(dir, '99-test', 'appendix.pt.mdx'),
      '## Referência\n\n- `--memory` → `memory.max`\n\n<CgroupV1>\n\nSó v1.\n\n</CgroupV1>\n',
    );
    const compiled = await loadAppendixMdx(lesson, 'pt');
    expect(compiled?.stepIds).toEqual([]);
    const html = render(compiled?.code ?? '', 'pt', lesson, 'v2');
    expect(html).toContain('<code translate="no">memory.max</code>');
    expect(html).not.toContain('Só v1.');
  });

  it('refuses a step: a step is done beside its text, in the lesson', async () => {
    writeFileSync(path.join(dir, '99-test', 'appendix.gl.mdx'), 'Texto.\n\n<Step id="one" />\n');
    await expect(loadAppendixMdx(lesson, 'gl')).rejects.toThrow(/appendix.*one/);
  });

  it('is linked from the lesson by <Appendix>, in a tab of its own, in the page’s language', async () => {
    writeFileSync(path.join(dir, '99-test', 'gl.mdx'), 'Le <Appendix>o apéndice</Appendix>.\n');
    const later = new Date(Date.now() + 15_000);
    utimesSync(path.join(dir, '99-test', 'gl.mdx'), later, later);
    const html = render((await loadLessonMdx(lesson, 'gl'))?.code ?? '', 'gl');
    expect(html).toContain(
      '<a href="/gl/99-test/apendice" target="_blank" rel="noopener" data-testid="appendix-link">o apéndice (ábrese noutra lapela)</a>',
    );
  });
});

describe('the course’s own lessons', () => {
  for (const def of lessons) {
    for (const locale of LOCALES) {
      it(`${def.slug}/${locale}.mdx compiles and renders every step it places`, async () => {
        delete process.env.GAIOLA_LESSONS_DIR;
        try {
          const compiled = await loadLessonMdx(def, locale);
          if (!compiled) return; // not written yet: lessons/lessons.test.ts reports it
          const html = render(compiled.code, locale, def);
          for (const id of compiled.stepIds) expect(html).toContain(`data-testid="step-${id}"`);
        } finally {
          process.env.GAIOLA_LESSONS_DIR = dir;
        }
      });
      it(`${def.slug}/appendix.${locale}.mdx, where there is one, compiles and renders`, async () => {
        delete process.env.GAIOLA_LESSONS_DIR;
        try {
          const compiled = await loadAppendixMdx(def, locale);
          if (compiled)
            // every appendix is sections of reference material, each under its heading
            for (const v of ['v1', 'v2'] as const) expect(render(compiled.code, locale, def, v)).toMatch(/<h2>/);
        } finally {
          process.env.GAIOLA_LESSONS_DIR = dir;
        }
      });
    }
  }
});
