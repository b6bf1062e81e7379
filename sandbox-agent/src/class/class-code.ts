// A class code students type or read aloud: six characters from an alphabet without look-alikes.
import { randomInt } from 'node:crypto';
import { CLASS_CODE_ALPHABET, CLASS_CODE_LENGTH } from '../protocol';

export function newClassCode(rand: (max: number) => number = randomInt): string {
  let code = '';
  for (let i = 0; i < CLASS_CODE_LENGTH; i++) code += CLASS_CODE_ALPHABET[rand(CLASS_CODE_ALPHABET.length)];
  return code;
}
