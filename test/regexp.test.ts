import { describe, expect, it } from 'vitest';
import { compiledNow } from '../src/regexp.js';

describe('compiledNow', () => {
  it('leaves the pattern as it was: same object, same matches, a global one starting from the beginning', () => {
    const spaces = /\s+/gu;
    expect(compiledNow(spaces, ['latin', 'cjk'])).toBe(spaces);
    expect(spaces.lastIndex).toBe(0);
    expect(spaces.exec('a b')?.index).toBe(1);
    const apology = compiledNow(/\bsorry\b|非常抱歉/u, ['latin', 'cjk']);
    expect(apology.test("i'm so sorry")).toBe(true);
    expect(apology.test('非常抱歉让您久等了')).toBe(true);
    expect(apology.test('no apology here')).toBe(false);
  });
});
