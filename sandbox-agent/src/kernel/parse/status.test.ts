import { describe, expect, it } from 'vitest';
import { fx } from './fixture-util';
import { ALL_CAPS_MASK, CAPABILITIES, capBit, decodeCaps, hasCap, parseStatus } from './status';
import { ParseError } from './text';

describe('parseStatus on recorded files', () => {
  it('reads the host process: root, one PID namespace, every capability but cap_sys_resource', () => {
    const s = parseStatus(fx('v1-hybrid/host/status'));
    expect(s.name).toBe('cat');
    expect(s.state).toBe('R');
    expect(s.stateName).toBe('running');
    expect(s.pid).toBeGreaterThan(1);
    expect(s.tgid).toBe(s.pid);
    expect(s.nsPid).toEqual([s.pid]);
    expect(s.uid).toEqual({ real: 0, effective: 0, saved: 0, fs: 0 });
    expect(s.gid).toEqual({ real: 0, effective: 0, saved: 0, fs: 0 });
    expect(s.capEff).toBe(0x1fffeffffffn);
    expect(s.capEff).toBe(s.capPrm);
    expect(s.capInh).toBe(0n);
    expect(s.capAmb).toBe(0n);
    const eff = decodeCaps(s.capEff);
    expect(eff).toHaveLength(40);
    expect(eff).not.toContain('cap_sys_resource');
    expect(eff).toContain('cap_sys_admin');
    expect(s.seccomp).toBe(0);
    expect(s.seccompFilters).toBe(0);
    expect(s.noNewPrivs).toBe(false);
    expect(s.fields.Cpus_allowed_list).toBe('0-1');
    expect(s.fields.Groups).toBe('');
  });

  it('reads a container init from the host: NSpid [hostPid, 1] and the full capability set', () => {
    const s = parseStatus(fx('v1-hybrid/container/status-from-host'));
    expect(s.name).toBe('sleep');
    expect(s.state).toBe('S');
    expect(s.nsPid).toHaveLength(2);
    expect(s.nsPid[0]).toBe(s.pid);
    expect(s.nsPid.at(-1)).toBe(1);
    expect(s.nsTgid).toEqual(s.nsPid);
    expect(s.capEff).toBe(ALL_CAPS_MASK);
    expect(s.capBnd).toBe(ALL_CAPS_MASK);
    expect(decodeCaps(s.capEff)).toEqual([...CAPABILITIES]);
  });

  it('reads the same init from inside its own /proc: NSpid [1], PPid 0', () => {
    const s = parseStatus(fx('v1-hybrid/container/status-inside'));
    expect(s.name).toBe('bash');
    expect(s.pid).toBe(1);
    expect(s.ppid).toBe(0);
    expect(s.nsPid).toEqual([1]);
    expect(s.uid.effective).toBe(0);
  });

  it('reads a restricted process: nobody, no capabilities, seccomp filter, no_new_privs', () => {
    const s = parseStatus(fx('v1-hybrid/restricted/status'));
    expect(s.uid).toEqual({ real: 65534, effective: 65534, saved: 65534, fs: 65534 });
    expect(s.gid.effective).toBe(65534);
    expect(s.capEff).toBe(0n);
    expect(decodeCaps(s.capEff)).toEqual([]);
    expect(s.capBnd).toBe(0x1fffeffffffn);
    expect(s.seccomp).toBe(2);
    expect(s.seccompFilters).toBe(1);
    expect(s.noNewPrivs).toBe(true);
  });
});

describe('decodeCaps and friends', () => {
  it('knows bits 0–40 by the numbers the curriculum uses', () => {
    expect(CAPABILITIES).toHaveLength(41);
    expect(CAPABILITIES[0]).toBe('cap_chown');
    expect(CAPABILITIES[40]).toBe('cap_checkpoint_restore');
    const bits: Array<[Parameters<typeof capBit>[0], number]> = [
      ['cap_dac_override', 1],
      ['cap_kill', 5],
      ['cap_setpcap', 8],
      ['cap_net_bind_service', 10],
      ['cap_net_admin', 12],
      ['cap_net_raw', 13],
      ['cap_sys_chroot', 18],
      ['cap_sys_ptrace', 19],
      ['cap_sys_admin', 21],
      ['cap_sys_resource', 24],
      ['cap_mknod', 27],
      ['cap_audit_write', 29],
      ['cap_setfcap', 31],
      ['cap_bpf', 39],
    ];
    for (const [name, bit] of bits) expect(capBit(name)).toBe(bit);
  });

  it('decodes masks lowest bit first and names unknown bits cap_N', () => {
    expect(decodeCaps(0n)).toEqual([]);
    expect(decodeCaps(0b101n)).toEqual(['cap_chown', 'cap_dac_read_search']);
    expect(decodeCaps((1n << 21n) | (1n << 42n))).toEqual(['cap_sys_admin', 'cap_42']);
    expect(ALL_CAPS_MASK).toBe(0x1ffffffffffn);
    expect(hasCap(0x1fffeffffffn, 'cap_sys_resource')).toBe(false);
    expect(hasCap(0x1fffeffffffn, 'cap_sys_admin')).toBe(true);
    expect(() => decodeCaps(-1n)).toThrow(RangeError);
  });
});

describe('parseStatus garbage', () => {
  const good = fx('v1-hybrid/host/status');
  const replace = (from: RegExp, to: string) => {
    const out = good.replace(from, to);
    expect(out).not.toBe(good);
    return out;
  };

  it('tolerates trailing blank lines', () => {
    expect(parseStatus(`${good}\n\n`).name).toBe('cat');
  });

  it('keeps spaces inside a process name', () => {
    expect(parseStatus(replace(/^Name:\tcat$/m, 'Name:\tmy prog: x ')).name).toBe('my prog: x ');
  });

  it.each([
    ['empty', () => ''],
    ['prose', () => 'cat: /proc/1/status: No such file or directory\n'],
    ['missing CapEff', () => replace(/^CapEff:.*\n/m, '')],
    ['missing NSpid', () => replace(/^NSpid:.*\n/m, '')],
    ['short CapEff', () => replace(/^CapEff:.*$/m, 'CapEff:\t1ff')],
    ['non-hex CapEff', () => replace(/^CapEff:.*$/m, 'CapEff:\t000001fffeffffzz')],
    ['three uids', () => replace(/^Uid:.*$/m, 'Uid:\t0\t0\t0')],
    ['negative uid', () => replace(/^Uid:.*$/m, 'Uid:\t0\t-1\t0\t0')],
    ['bad state letter', () => replace(/^State:.*$/m, 'State:\tQ (queued)')],
    ['state without name', () => replace(/^State:.*$/m, 'State:\tR')],
    ['seccomp mode 3', () => replace(/^Seccomp:.*$/m, 'Seccomp:\t3')],
    ['NoNewPrivs 2', () => replace(/^NoNewPrivs:.*$/m, 'NoNewPrivs:\t2')],
    ['duplicate Pid', () => `${good}Pid:\t1\n`],
    ['a line without a colon', () => replace(/^Umask:.*$/m, 'garbage line')],
    ['empty NSpid', () => replace(/^NSpid:.*$/m, 'NSpid:\t')],
  ])('throws ParseError on %s', (_name, make) => {
    const text = make();
    expect(() => parseStatus(text)).toThrow(ParseError);
  });

  it('names the bad line', () => {
    const text = replace(/^CapEff:.*$/m, 'CapEff:\tnope');
    expect(() => parseStatus(text)).toThrow(/status: CapEff is not 16 hex digits at line \d+: "CapEff:\\tnope"/);
  });
});
