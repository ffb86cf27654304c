// Small text helpers every human-readable format shares, so a score or a delta reads the same everywhere.
import type { Finding } from '../model/analysis.js';
import type { MoveRate } from '../model/report.js';

/** Whole scores without ".0", others with one decimal; "n/a" when nothing was scored. */
export function scoreLabel(score: number | null): string {
  if (score === null) return 'n/a';
  return score.toFixed(score % 1 === 0 ? 0 : 1);
}

/** ↑ for a rise and ↓ for a drop against the baseline, ±0 for none; empty without a comparable baseline. */
export function deltaLabel(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '';
  if (delta === 0) return '±0';
  return `${delta > 0 ? '↑' : '↓'}${scoreLabel(Math.abs(delta))}`;
}

/** A move rate as a percentage; "n/a" when the move was never expected. */
export function rateLabel(rate: number | null): string {
  return rate === null ? 'n/a' : `${Math.round(rate * 100)}%`;
}

/** A move rate with its counts, e.g. "50% (1/2)": met and late over expected. */
export function moveRateLabel(rate: MoveRate): string {
  return rate.expected ? `${rateLabel(rate.rate)} (${rate.met + rate.late}/${rate.expected})` : 'n/a';
}

/** Transcript text on one line (quotes in tables and messages), cut at `max` characters. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** "missing acknowledgement", "late paraphrase", "negative language". */
export function findingLabel(finding: Finding): string {
  return finding.move ? `${finding.kind} ${finding.move}` : finding.kind.replace('_', ' ');
}
