// Shared by the parsers' unit tests: the recorded kernel files (fixtures/, see its READMEs) and the table of
// junk a parser must refuse.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ParseError } from './text';

/** A recorded file, by its path below fixtures/. */
export const fx = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');

/** One test per case: `parse` throws a ParseError on the case's text (its name says what is wrong with it). */
export function itRejects(
  parse: (text: string) => unknown,
  cases: readonly (readonly [name: string, text: string])[],
  title = 'throws ParseError on %s',
): void {
  it.each(cases)(title, (_name, text) => {
    expect(() => parse(text)).toThrow(ParseError);
  });
}
