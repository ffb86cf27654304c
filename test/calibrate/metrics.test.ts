import { describe, expect, it } from 'vitest';
import {
  accuracy,
  averageRanks,
  cohenKappa,
  cohenKappaOf,
  confusionOf,
  emptyConfusion,
  emptyMatrix,
  f1,
  fmt,
  matrixAccuracy,
  pearson,
  precision,
  prf,
  recall,
  spearman,
  tally,
} from '../../src/calibrate/metrics.js';

describe('precision / recall / F1', () => {
  it('computes from counts', () => {
    const c = { tp: 3, fp: 1, fn: 2, tn: 4 };
    expect(precision(c)).toBeCloseTo(0.75, 10);
    expect(recall(c)).toBeCloseTo(0.6, 10);
    // 2*3 / (2*3 + 1 + 2) = 6/9
    expect(f1(c)).toBeCloseTo(2 / 3, 10);
    expect(accuracy(c)).toBeCloseTo(0.7, 10);
  });

  it('is null (n/a) on an empty set', () => {
    const c = emptyConfusion();
    expect(prf(c)).toEqual({ precision: null, recall: null, f1: null });
    expect(accuracy(c)).toBeNull();
    expect(fmt(precision(c))).toBe('n/a');
  });

  it('is null only where its own denominator is 0', () => {
    // Only true negatives: nothing to find, nothing flagged.
    expect(prf({ tp: 0, fp: 0, fn: 0, tn: 7 })).toEqual({ precision: null, recall: null, f1: null });
    // False alarms with no gold positives: precision 0, recall undefined, F1 0.
    expect(prf({ tp: 0, fp: 2, fn: 0, tn: 5 })).toEqual({ precision: 0, recall: null, f1: 0 });
    // Misses with nothing flagged: precision undefined, recall 0, F1 0.
    expect(prf({ tp: 0, fp: 0, fn: 3, tn: 5 })).toEqual({ precision: null, recall: 0, f1: 0 });
    expect(prf({ tp: 4, fp: 0, fn: 0, tn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('tallies parallel label lists', () => {
    const c = confusionOf([true, true, false, false, true], [true, false, true, false, true]);
    expect(c).toEqual({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(tally(emptyConfusion(), false, true)).toEqual({ tp: 0, fp: 1, fn: 0, tn: 0 });
    expect(() => confusionOf([true], [])).toThrow();
  });
});

describe("Cohen's kappa", () => {
  it('is 1 for perfect agreement', () => {
    expect(cohenKappaOf([true, false, true, false, false], [true, false, true, false, false])).toBe(1);
  });

  it('is 0 for agreement at chance level', () => {
    // po = 0.5; both raters say yes half the time, pe = 0.5.
    expect(cohenKappaOf([true, true, false, false], [true, false, true, false])).toBe(0);
  });

  it('is -1 for complete disagreement with balanced marginals', () => {
    expect(cohenKappaOf([true, false], [false, true])).toBe(-1);
  });

  it('matches a hand computation', () => {
    // n = 50, po = 35/50 = 0.7; gold yes 30/50, predicted yes 25/50; pe = 0.6*0.5 + 0.4*0.5 = 0.5.
    expect(cohenKappa({ tp: 20, fp: 5, fn: 10, tn: 15 })).toBeCloseTo(0.4, 10);
  });

  it('is null when undefined: no items, or both raters constant and equal', () => {
    expect(cohenKappa(emptyConfusion())).toBeNull();
    expect(cohenKappaOf([false, false, false], [false, false, false])).toBeNull();
    expect(cohenKappaOf([true, true], [true, true])).toBeNull();
  });

  it('is 0 when one rater is constant and the other is not', () => {
    // pe = po, so kappa = 0: the constant rater carries no information.
    expect(cohenKappaOf([true, false, true, false], [false, false, false, false])).toBe(0);
  });
});

describe("Spearman's rho", () => {
  it('ranks ties by their average rank', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([])).toEqual([]);
  });

  it('handles ties with average ranks (hand computed)', () => {
    // ranks x: 1, 2.5, 2.5, 4; ranks y: 1, 3, 2, 4 → r = 4.5 / sqrt(4.5 * 5) = 3 / sqrt(10).
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(10), 10);
  });

  it('matches the textbook example without ties (rho = -29/165)', () => {
    const iq = [106, 86, 100, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 0, 27, 50, 28, 29, 20, 12, 6, 17];
    expect(spearman(iq, tv)).toBeCloseTo(-29 / 165, 10);
  });

  it('is +1 / -1 for any monotone relation', () => {
    expect(spearman([1, 2, 3, 4], [1, 4, 9, 100])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [0, -1, -5, -6])).toBeCloseTo(-1, 12);
  });

  it('is null when undefined: fewer than two pairs, or a constant side', () => {
    expect(spearman([], [])).toBeNull();
    expect(spearman([1], [2])).toBeNull();
    expect(spearman([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(() => spearman([1, 2], [1])).toThrow();
  });

  it('pearson on raw values', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [1, 3, 2])).toBeCloseTo(0.5, 12);
  });
});

describe('agreement matrix', () => {
  it('accuracy is the diagonal share, null when empty', () => {
    const m = emptyMatrix(['a', 'b', 'c'] as const);
    expect(matrixAccuracy(m)).toBeNull();
    m.counts.a.a = 3;
    m.counts.b.b = 1;
    m.counts.a.c = 2;
    m.counts.c.b = 2;
    expect(matrixAccuracy(m)).toBeCloseTo(0.5, 10);
  });
});

describe('fmt', () => {
  it('prints numbers with fixed digits and undefined as n/a', () => {
    expect(fmt(0.456)).toBe('0.46');
    expect(fmt(1, 3)).toBe('1.000');
    expect(fmt(null)).toBe('n/a');
    expect(fmt(undefined)).toBe('n/a');
    expect(fmt(Number.NaN)).toBe('n/a');
  });
});
