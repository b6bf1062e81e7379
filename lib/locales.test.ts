import { describe, expect, it } from 'vitest';
import { negotiateLocale, parseAcceptLanguage, pathForLocale } from './locales';

describe('parseAcceptLanguage', () => {
  it('orders by q, keeps header order on ties, drops q=0', () => {
    expect(parseAcceptLanguage('en;q=0.5, gl-ES, pt;q=0.9, es;q=0')).toEqual(['gl-es', 'pt', 'en']);
  });
  it('copes with empty and malformed headers', () => {
    expect(parseAcceptLanguage(null)).toEqual([]);
    expect(parseAcceptLanguage(' , ;q=1')).toEqual([]);
  });
});

describe('negotiateLocale', () => {
  it.each([
    ['gl', 'gl'],
    ['gl-ES,gl;q=0.9', 'gl'],
    ['es-ES,es;q=0.9,gl;q=0.8', 'gl'],
    ['pt-BR,pt;q=0.9,gl;q=0.5', 'pt'],
    ['pt-PT', 'pt'],
    ['es', 'pt'],
    ['en-US,en;q=0.9', 'pt'],
    ['', 'pt'],
  ])('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
  it('prefers a remembered choice', () => {
    expect(negotiateLocale('pt-BR', 'gl')).toBe('gl');
    expect(negotiateLocale('gl', 'xx')).toBe('gl');
  });
});

describe('pathForLocale', () => {
  it('swaps the locale segment', () => {
    expect(pathForLocale('/pt/01-chroot', 'gl')).toBe('/gl/01-chroot');
    expect(pathForLocale('/gl', 'pt')).toBe('/pt');
  });
  it('prefixes a path without one', () => {
    expect(pathForLocale('/', 'gl')).toBe('/gl');
    expect(pathForLocale('/01-chroot', 'pt')).toBe('/pt/01-chroot');
  });
});
