// The typed message catalog. messages/pt.json is the source: its shape is the type every locale's
// catalog must have (messages/catalog.test.ts also rejects extra keys, empty strings and mismatched
// placeholders). Server components translate; client leaves receive the strings they need as props.
import gl from '@/messages/gl.json';
import pt from '@/messages/pt.json';
import type { Locale } from './locales';
import { format } from './template';

export { format, placeholders, templateParts } from './template';

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
