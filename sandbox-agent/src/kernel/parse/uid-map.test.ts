import { describe, expect, it } from 'vitest';
import { fx, itRejects } from './fixture-util';
import { mapFromHost, mapToHost, parseIdMap } from './uid-map';

describe('parseIdMap on recorded maps', () => {
  it('reads the initial namespace: everything maps to itself', () => {
    const map = parseIdMap(fx('v1-hybrid/host/uid_map'));
    expect(map).toEqual([{ inside: 0, outside: 0, count: 4294967295 }]);
    expect(mapToHost(map, 1000)).toBe(1000);
  });

  it('reads --map-root-user run as root: 0 → 0, nothing else mapped', () => {
    const map = parseIdMap(fx('v1-hybrid/container/uid_map'));
    expect(map).toEqual([{ inside: 0, outside: 0, count: 1 }]);
    expect(parseIdMap(fx('v1-hybrid/container/gid_map'))).toEqual(map);
    expect(mapToHost(map, 0)).toBe(0);
    expect(mapToHost(map, 1)).toBeUndefined();
  });

  it('reads a three-range map and translates both ways', () => {
    const map = parseIdMap(fx('v1-hybrid/userns-range/uid_map'));
    expect(map).toEqual([
      { inside: 0, outside: 100000, count: 1000 },
      { inside: 1000, outside: 1000, count: 1 },
      { inside: 1001, outside: 101001, count: 64535 },
    ]);
    expect(mapToHost(map, 0)).toBe(100000);
    expect(mapToHost(map, 999)).toBe(100999);
    expect(mapToHost(map, 1000)).toBe(1000);
    expect(mapToHost(map, 1001)).toBe(101001);
    expect(mapToHost(map, 65535)).toBe(165535);
    expect(mapToHost(map, 65536)).toBeUndefined();
    expect(mapFromHost(map, 100000)).toBe(0);
    expect(mapFromHost(map, 1000)).toBe(1000);
    expect(mapFromHost(map, 101000)).toBeUndefined();
    expect(parseIdMap(fx('v1-hybrid/userns-range/gid_map'))).toEqual([{ inside: 0, outside: 100000, count: 65536 }]);
  });

  it('gives [] for a map not written yet', () => {
    expect(parseIdMap('')).toEqual([]);
  });

  itRejects(parseIdMap, [
    ['two columns', '0 1000\n'],
    ['four columns', '0 1000 1 1\n'],
    ['a negative id', '0 -1 1\n'],
    ['zero count', '0 1000 0\n'],
    ['a range past 2^32', '4294967295 0 2\n'],
    ['words', 'nobody nobody 1\n'],
    ['a blank line in the middle', '0 0 1\n\n1 1 1\n'],
  ]);
});
