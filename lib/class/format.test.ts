import { describe, expect, it } from 'vitest';
import { getMessages } from '@/lib/i18n';
import { clockTime, formatBytes, percent, relativeTime, spacedCode } from './format';

const NOW = Date.UTC(2025, 2, 14, 15, 0, 0);
const ago = (s: number) => NOW - s * 1000;

describe('relativeTime', () => {
  const words = (locale: 'pt' | 'gl') => getMessages(locale).class.instructor.ago;

  it('says "now" for the last few seconds, and never "in 2 s" for a clock ahead', () => {
    expect(relativeTime(ago(3), NOW, words('pt'))).toBe('agora');
    expect(relativeTime(NOW + 2000, NOW, words('pt'))).toBe('agora');
    expect(relativeTime(ago(3), NOW, words('gl'))).toBe('agora');
  });

  it('counts seconds, minutes, hours and days ago in the catalog’s words, Galician included', () => {
    // Intl's relative times in a browser without Galician data (Debian's Chromium) read "-35 s"
    const pt = (s: number) => relativeTime(ago(s), NOW, words('pt'));
    const gl = (s: number) => relativeTime(ago(s), NOW, words('gl'));
    expect(pt(30)).toBe('há 30 s');
    expect(pt(2 * 60 + 20)).toBe('há 2 min');
    expect(pt(3 * 3600 + 59 * 60)).toBe('há 3 h');
    expect(pt(24 * 3600)).toBe('ontem');
    expect(pt(3 * 24 * 3600)).toBe('há 3 dias');
    expect(gl(35)).toBe('hai 35 s');
    expect(gl(6 * 60)).toBe('hai 6 min');
    expect(gl(3600)).toBe('hai 1 h');
    expect(gl(24 * 3600 + 5)).toBe('onte');
    expect(gl(2 * 24 * 3600)).toBe('hai 2 días');
  });
});

describe('clockTime', () => {
  it('shows the time only for today, the date too otherwise', () => {
    const today = clockTime(NOW - 60_000, NOW, 'pt-BR');
    expect(today).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    const yesterday = clockTime(NOW - 26 * 3600_000, NOW, 'pt-BR');
    expect(yesterday).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });
});

describe('formatBytes and percent', () => {
  it('writes memory in the locale with a sensible unit', () => {
    expect(formatBytes(1.25e9, 'pt-BR')).toMatch(/^1,3\s?GB$/);
    expect(formatBytes(8e9, 'gl')).toMatch(/^8\s?GB$/);
    expect(formatBytes(850e6, 'pt-BR')).toMatch(/^850\s?MB$/);
  });

  it('is a bounded whole percentage, 0 for an unknown total', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 4)).toBe(100);
    expect(percent(1, 0)).toBe(0);
  });
});

describe('spacedCode', () => {
  it('groups the class code by three for reading aloud', () => {
    expect(spacedCode('ACDEFG')).toBe('ACD EFG');
    expect(spacedCode('ACDE')).toBe('ACD E');
    expect(spacedCode('ACD')).toBe('ACD');
    expect(spacedCode('')).toBe('');
  });
});
