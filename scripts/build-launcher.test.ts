// The launcher as build-launcher.sh builds it, read back from the binary with binutils: each hardening the
// script asks for shows in the ELF file (a flag dropped from the script, or a compiler that ignores one, fails
// here), and its sources say why in the code's own terms, never where they were written or what tracker item
// asked for them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { arch } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'sandbox-agent/launcher');
const binary = path.join(sources, 'build/gaiola-sandbox');

function run(cmd: string, ...args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

describe('the launcher binary, built like a setuid tool', () => {
  // A no-op when the build is current (the script compares a sum of the sources and itself).
  beforeAll(() => {
    run('bash', path.join(root, 'scripts/build-launcher.sh'));
  }, 120_000);

  it('is position independent, with the whole GOT read-only after start-up and no executable stack', () => {
    expect(run('readelf', '-hW', binary)).toMatch(/Type:\s+DYN \(Position-Independent Executable file\)/);
    const segments = run('readelf', '-lW', binary);
    expect(segments).toMatch(/^\s*GNU_RELRO\s/m);
    // GNU_STACK's flags: RW, never RWE
    expect(segments).toMatch(/^\s*GNU_STACK(\s+\S+){5}\s+RW\s/m);
    const dynamic = run('readelf', '-dW', binary);
    expect(dynamic).toMatch(/\(FLAGS\)\s+.*BIND_NOW/);
    expect(dynamic).toMatch(/\(FLAGS_1\)\s+Flags:.*\bNOW\b.*\bPIE\b/);
  });

  it('calls the stack protector and the fortified C library functions', () => {
    const imports = new Set(run('readelf', '--dyn-syms', '-W', binary).match(/\b__\w+_chk\b|__stack_chk_fail/g));
    expect(imports).toContain('__stack_chk_fail');
    // _FORTIFY_SOURCE: the checked twins of the calls whose buffer sizes the compiler knows
    for (const f of ['__snprintf_chk', '__read_chk', '__memcpy_chk']) expect(imports).toContain(f);
  });

  // The C start-up files bring a few of their own: a function of ours must start with one. (The binary carries
  // no IBT/SHSTK mark on Debian 12: build-launcher.sh says why.)
  it.runIf(arch() === 'x64')('marks its indirect branch targets (endbr64, from -fcf-protection)', () => {
    const create = run('objdump', '-d', '--disassemble=cmd_create', binary);
    expect(create).toMatch(/<cmd_create>:\n\s*[0-9a-f]+:\s+f3 0f 1e fa\s+endbr64/);
  });
});

describe('the launcher sources', () => {
  it('name no machine path, tracker item or research note: comments say why in the code’s own terms', () => {
    const found: string[] = [];
    for (const f of readdirSync(sources).filter((n) => /\.[ch]$/.test(n))) {
      readFileSync(path.join(sources, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\/(home|work|Users|shared)\/|\bissues? #?\d+|\bresearch\b|\bnotes?\//i.test(line))
            found.push(`${f}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
