// Agreement statistics for calibrating the detectors against human labels. Pure functions, no I/O.
// Convention: a ratio whose denominator is 0 is undefined and returned as null (printed "n/a").

/** Binary confusion counts: gold (human) vs predicted (analyzer). */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface Prf {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function emptyConfusion(): Confusion {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

/** Counts one item into `c` (mutates it) and returns it. */
export function tally(c: Confusion, gold: boolean, predicted: boolean): Confusion {
  if (gold && predicted) c.tp++;
  else if (!gold && predicted) c.fp++;
  else if (gold && !predicted) c.fn++;
  else c.tn++;
  return c;
}

/** Confusion counts of two parallel label lists. */
export function confusionOf(gold: readonly boolean[], predicted: readonly boolean[]): Confusion {
  if (gold.length !== predicted.length) throw new Error(`confusionOf: ${gold.length} gold labels vs ${predicted.length} predicted`);
  const c = emptyConfusion();
  gold.forEach((g, i) => tally(c, g, predicted[i]!));
  return c;
}

export function total(c: Confusion): number {
  return c.tp + c.fp + c.fn + c.tn;
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

/** tp / (tp + fp): of what the analyzer flagged, how much the humans flagged too. */
export function precision(c: Confusion): number | null {
  return ratio(c.tp, c.tp + c.fp);
}

/** tp / (tp + fn): of what the humans flagged, how much the analyzer found. */
export function recall(c: Confusion): number | null {
  return ratio(c.tp, c.tp + c.fn);
}

/** 2tp / (2tp + fp + fn): null only when neither side has a single positive. */
export function f1(c: Confusion): number | null {
  return ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
}

export function prf(c: Confusion): Prf {
  return { precision: precision(c), recall: recall(c), f1: f1(c) };
}

export function accuracy(c: Confusion): number | null {
  return ratio(c.tp + c.tn, total(c));
}

/**
 * Cohen's kappa for two binary raters: (po - pe) / (1 - pe).
 * null for no items, or when chance agreement is already 1 (both raters gave one and the same label
 * to everything: agreement carries no information).
 */
export function cohenKappa(c: Confusion): number | null {
  const n = total(c);
  if (n === 0) return null;
  const po = (c.tp + c.tn) / n;
  const goldYes = (c.tp + c.fn) / n;
  const predYes = (c.tp + c.fp) / n;
  const pe = goldYes * predYes + (1 - goldYes) * (1 - predYes);
  if (1 - pe < 1e-12) return null;
  return (po - pe) / (1 - pe);
}

export function cohenKappaOf(a: readonly boolean[], b: readonly boolean[]): number | null {
  return cohenKappa(confusionOf(a, b));
}

/** Square agreement matrix over named classes: rows gold, columns predicted. */
export interface AgreementMatrix<K extends string> {
  classes: readonly K[];
  counts: Record<K, Record<K, number>>;
}

export function emptyMatrix<K extends string>(classes: readonly K[]): AgreementMatrix<K> {
  const counts = {} as Record<K, Record<K, number>>;
  for (const g of classes) {
    counts[g] = {} as Record<K, number>;
    for (const p of classes) counts[g][p] = 0;
  }
  return { classes, counts };
}

/** Share of items on the diagonal; null for no items. */
export function matrixAccuracy<K extends string>(m: AgreementMatrix<K>): number | null {
  let agree = 0;
  let n = 0;
  for (const g of m.classes) {
    for (const p of m.classes) {
      n += m.counts[g][p];
      if (g === p) agree += m.counts[g][p];
    }
  }
  return ratio(agree, n);
}

/** 1-based ranks, ties get the mean of the ranks they span: [10, 20, 20, 30] → [1, 2.5, 2.5, 4]. */
export function averageRanks(xs: readonly number[]): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const ranks = new Array<number>(xs.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.x === order[start]!.x) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's r; null with fewer than 2 pairs or when either side is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error(`pearson: ${xs.length} x values vs ${ys.length} y values`);
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho: Pearson's r of the average ranks (the tie-correct form). */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error(`spearman: ${xs.length} x values vs ${ys.length} y values`);
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** A metric for a table: fixed digits, "n/a" for undefined. */
export function fmt(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'n/a';
  return x.toFixed(digits);
}
