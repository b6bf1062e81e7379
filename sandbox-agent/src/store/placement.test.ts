import { describe, expect, it } from 'vitest';
import { type Candidate, chooseAgent } from './placement';

const agent = (id: string, capacity: number, seats: number, classmates = 0): Candidate => ({
  id,
  capacity,
  seats,
  classmates,
});

describe('chooseAgent', () => {
  it('spreads students without a class to the agent with the most free seats', () => {
    expect(chooseAgent([agent('a', 10, 8), agent('b', 10, 3), agent('c', 20, 14)])).toBe('b');
  });

  it('keeps a class on the agent where most of it sits, while it has room', () => {
    expect(chooseAgent([agent('a', 10, 2), agent('b', 10, 9, 9), agent('c', 10, 5, 1)])).toBe('b');
  });

  it('sends the rest of a class that no longer fits where most of the rest went', () => {
    expect(chooseAgent([agent('a', 10, 0), agent('b', 10, 10, 10), agent('c', 10, 5, 1)])).toBe('c');
  });

  it('breaks ties by id, whatever the order of the rows', () => {
    const rows = [agent('b', 10, 4), agent('a', 10, 4), agent('c', 10, 4)];
    expect(chooseAgent(rows)).toBe('a');
    expect(chooseAgent([...rows].reverse())).toBe('a');
  });

  it('gives nothing when every agent is full or there is none', () => {
    expect(chooseAgent([agent('a', 2, 2), agent('b', 1, 3)])).toBeUndefined();
    expect(chooseAgent([])).toBeUndefined();
  });
});
