// The typed message catalog. messages/pt.json is the source: its shape is the type every locale's
// catalog must have (messages/catalog.test.ts also rejects extra keys, empty strings and mismatched
// placeholders). Server components translate; client leaves receive the strings they need as props.
import gl from '@/messages/gl.json';
import pt from '@/messages/pt.json';
import type { Locale } from './locales';

export type Messages = typeof pt;

const catalogs: Record<Locale, Messages> = { pt, gl };

export function getMessages(locale: Locale): Messages {
  return catalogs[locale];
}

/** Dotted paths to the leaves of a nested catalog: `'terminal.state.connected'`. */
export type MessageKey<T = Messages> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

/** Translates one key, filling `{placeholders}`. */
export function t(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  let node: unknown = catalogs[locale];
  for (const part of key.split('.')) {
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node !== 'string') throw new Error(`missing message ${locale}:${key}`);
  return vars ? format(node, vars) : node;
}

/** Fills `{name}` placeholders; an unknown placeholder stays as written, so a gap is visible, not blank. */
export function format(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Splits a template into text and placeholder parts, for callers that render a placeholder as markup
 * (a command in `<code translate="no">`).
 */
export function templateParts(template: string): ({ text: string } | { name: string })[] {
  const parts: ({ text: string } | { name: string })[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push({ text: template.slice(last, m.index) });
    parts.push({ name: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** The placeholder names a template uses, sorted and unique. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}
