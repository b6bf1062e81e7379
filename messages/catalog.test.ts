import { describe, expect, it } from 'vitest';
import { placeholders } from '../lib/i18n';
import gl from './gl.json';
import pt from './pt.json';

/** Flattens a nested catalog into `dotted.key → value` (values left as found, to catch non-strings). */
function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, node);
  }
  return out;
}

const source = flatten(pt);
const catalogs = { gl: flatten(gl) };

describe('messages/pt.json (the source)', () => {
  it('has only non-empty strings', () => {
    for (const [key, value] of source) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
    }
  });
});

for (const [locale, catalog] of Object.entries(catalogs)) {
  describe(`messages/${locale}.json`, () => {
    it('has every key of pt.json', () => {
      const missing = [...source.keys()].filter((k) => !catalog.has(k));
      expect(missing).toEqual([]);
    });

    it('has no key that pt.json lacks', () => {
      const extra = [...catalog.keys()].filter((k) => !source.has(k));
      expect(extra).toEqual([]);
    });

    it('has only non-empty strings', () => {
      for (const [key, value] of catalog) {
        expect(typeof value, key).toBe('string');
        expect(String(value).trim(), key).not.toBe('');
      }
    });

    it('uses the same {placeholders} as pt.json in every message', () => {
      for (const [key, value] of source) {
        const other = catalog.get(key);
        if (typeof value !== 'string' || typeof other !== 'string') continue;
        expect(placeholders(other), key).toEqual(placeholders(value));
      }
    });
  });
}
