import { describe, expect, it } from 'vitest';
import { type KeyValueStore, loadJoinedStudent, STUDENT_STORAGE_KEY, saveJoinedStudent } from './student-store';

function memory(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('joined student store', () => {
  it('keeps the join answer under gaiola.student and reads it back', () => {
    const store = memory();
    const student = { id: 'f'.repeat(32), name: 'Ana', tag: 2 };
    saveJoinedStudent(store, student);
    expect(JSON.parse(store.map.get(STUDENT_STORAGE_KEY) ?? '')).toEqual(student);
    expect(loadJoinedStudent(store)).toEqual(student);
  });

  it('ignores what is missing, edited into nonsense or refused', () => {
    const store = memory();
    expect(loadJoinedStudent(store)).toBeNull();
    store.map.set(STUDENT_STORAGE_KEY, '{not json');
    expect(loadJoinedStudent(store)).toBeNull();
    store.map.set(STUDENT_STORAGE_KEY, '{"id":"x","name":"A","tag":0}');
    expect(loadJoinedStudent(store)).toBeNull();
    expect(loadJoinedStudent(null)).toBeNull();
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
      removeItem: () => undefined,
    };
    expect(loadJoinedStudent(refusing)).toBeNull();
    expect(() => saveJoinedStudent(refusing, { id: 'x', name: 'A', tag: 1 })).not.toThrow();
  });
});
