// The warm pool on the instructor's page rendered to markup (issue 18), in both languages: the count as a polite
// status ("N ready of M (K starting)"), a labelled number field bounded by the capacity less the students'
// sandboxes, a button, and what a warm sandbox costs, each tied to the field for a screen reader.
import type { InstructorState } from '@protocol';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sampleState } from '@/lib/class/test-fixtures';
import { getMessages } from '@/lib/i18n';
import { find } from '../kernel-panel/test-html';
import { WarmPool } from './warm-pool';

const capacity: InstructorState['capacity'] = {
  ...sampleState.capacity,
  sandboxes: 12,
  maxSandboxes: 40,
  warm: { ready: 7, starting: 1, target: 20 },
};

function render(locale: 'pt' | 'gl'): string {
  return renderToStaticMarkup(
    <WarmPool
      capacity={capacity}
      messages={getMessages(locale).class.instructor}
      busy={false}
      onSet={async () => true}
    />,
  );
}

describe('the warm pool on the instructor’s page', () => {
  it('says how many are ready, of how many, and how many are starting, politely (pt and gl)', () => {
    const pt = render('pt');
    const status = find(pt, { 'data-testid': 'warm-status' });
    expect(status.attrs.get('role')).toBe('status');
    expect(status.text).toBe('7 prontas de 20 (1 iniciando)');
    expect(find(render('gl'), { 'data-testid': 'warm-status' }).text).toBe('7 listas de 20 (1 iniciándose)');
    const pool = find(pt, { 'data-testid': 'warm-pool' });
    expect([pool.attrs.get('data-ready'), pool.attrs.get('data-starting'), pool.attrs.get('data-target')]).toEqual([
      '7',
      '1',
      '20',
    ]);
  });

  for (const locale of ['pt', 'gl'] as const) {
    it(`has a labelled number field bounded by the room the students leave, a button, and the cost (${locale})`, () => {
      const html = render(locale);
      const m = getMessages(locale).class.instructor.warm;
      const input = find(html, { 'data-testid': 'warm-target' });
      expect(input.attrs.get('type')).toBe('number');
      expect(input.attrs.get('value')).toBe('20');
      expect(input.attrs.get('min')).toBe('0');
      // 40 places, 12 students' sandboxes
      expect(input.attrs.get('max')).toBe('28');
      expect(input.attrs.get('aria-invalid')).toBe('false');
      const id = input.attrs.get('id') ?? '';
      expect(find(html, { for: id }).text).toBe(m.label);
      // the bound and the cost are the field's description
      const described = (input.attrs.get('aria-describedby') ?? '').split(' ');
      const texts = described.map((d) => find(html, { id: d }).text);
      expect(texts[0]).toContain('28');
      expect(texts[0]).toContain('40');
      expect(texts[0]).toContain('12');
      expect(texts[1]).toContain('1 MiB');
      expect(find(html, { 'data-testid': 'warm-set' }).text).toBe(m.set);
      expect(html).not.toContain('warm-invalid');
    });
  }

  it('bounds the field at 0 when the students fill the capacity', () => {
    const full = renderToStaticMarkup(
      <WarmPool
        capacity={{ ...capacity, sandboxes: 40, warm: { ready: 0, starting: 0, target: 2 } }}
        messages={getMessages('pt').class.instructor}
        busy
        onSet={async () => true}
      />,
    );
    expect(find(full, { 'data-testid': 'warm-target' }).attrs.get('max')).toBe('0');
    expect(find(full, { 'data-testid': 'warm-set' }).attrs.has('disabled')).toBe(true);
    expect(find(full, { 'data-testid': 'warm-status' }).text).toBe('0 prontas de 2 (0 iniciando)');
  });
});
