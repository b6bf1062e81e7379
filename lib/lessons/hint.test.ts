import { describe, expect, it } from 'vitest';
import { hintParts } from './hint';

describe('hintParts', () => {
  it('fills {params} and turns `backticks` into code', () => {
    expect(hintParts('`/proc/{pid}/ns/uts` é o do seu shell: faltou `-u`?', { pid: 4242 })).toEqual([
      { code: '/proc/4242/ns/uts' },
      { text: ' é o do seu shell: faltou ' },
      { code: '-u' },
      { text: '?' },
    ]);
  });
  it('leaves an unknown placeholder visible and an unpaired backtick as text', () => {
    expect(hintParts('Aínda non: {found}', {})).toEqual([{ text: 'Aínda non: {found}' }]);
    expect(hintParts('a ` b {x}', { x: 1 })).toEqual([{ text: 'a ` b 1' }]);
  });
});
