import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/ingest/time.js';

describe('parseTimestamp', () => {
  it.each([
    ['10:32', 37920],
    ['10:32:05', 37925],
    ['00:01:23.5', 83.5],
    ['2:05 PM', 50700],
    ['12:10 am', 600],
    ['2024-03-01 10:32:05', Date.UTC(2024, 2, 1, 10, 32, 5) / 1000],
    ['2024-03-01T10:32:05Z', Date.UTC(2024, 2, 1, 10, 32, 5) / 1000],
    ['2024-03-01T10:32:05+08:00', Date.UTC(2024, 2, 1, 2, 32, 5) / 1000],
    ['2024/03/01', Date.UTC(2024, 2, 1) / 1000],
    ['1709291000', 1709291000],
    ['1709291000500', 1709291000.5],
    ['3.5', 3.5],
  ])('%s → %d', (value, seconds) => {
    expect(parseTimestamp(value)).toBe(seconds);
  });

  it.each(['', 'yesterday', '10:75', '2024-13-01'])('%j is not a timestamp', (value) => {
    expect(parseTimestamp(value)).toBeUndefined();
  });
});
