import { describe, expect, it } from 'vitest';
import { format, placeholders, t, templateParts } from './i18n';

describe('i18n', () => {
  it('translates dotted keys in each locale', () => {
    expect(t('pt', 'terminal.paste')).toBe('Colar');
    expect(t('gl', 'terminal.paste')).toBe('Pegar');
    expect(t('gl', 'home.lessonNumber', { n: 2 })).toBe('Lección 2');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} e {b}', { a: 1 })).toBe('1 e {b}');
    expect(placeholders('{x} {y} {x}')).toEqual(['x', 'y']);
  });
  it('splits templates into text and placeholders', () => {
    expect(templateParts('Inicie com {command}.')).toEqual([
      { text: 'Inicie com ' },
      { name: 'command' },
      { text: '.' },
    ]);
  });
});
