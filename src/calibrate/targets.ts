// The quality targets the analyzer is tuned towards, checked against evaluation results. Reported, never gating.
import type { CoreMove } from '../model/analysis.js';
import type { EsconvLabel, TurnLabel } from './gold.js';
import { fmt } from './metrics.js';
import type { FileEvaluation } from './run.js';
import { textTable } from './run.js';

export interface Target {
  /** Evaluation file name without .jsonl. */
  file: string;
  /** What is measured, for the summary table. */
  metric: string;
  min: number;
  value(r: FileEvaluation): number | null;
}

export interface TargetCheck {
  file: string;
  metric: string;
  min: number;
  value: number | null;
  /** not_run: the file was not evaluated (or missing); missed includes an undefined (n/a) value. */
  status: 'met' | 'missed' | 'not_run';
}

function turnF1(file: string, label: TurnLabel, min: number): Target {
  return { file, metric: `turn F1 ${label}`, min, value: (r) => r.cs?.labels.find((l) => l.label === label)?.f1 ?? null };
}

function missing(file: string, move: CoreMove, which: 'precision' | 'recall', min: number): Target {
  return {
    file,
    metric: `missing-${move} ${which}`,
    min,
    value: (r) => r.cs?.missing.find((m) => m.move === move)?.[which] ?? null,
  };
}

function esconvF1(label: EsconvLabel, min: number): Target {
  return {
    file: 'esconv-dev',
    metric: `F1 ${label}`,
    min,
    value: (r) => r.esconv?.labels.find((l) => l.label === label)?.f1 ?? null,
  };
}

function rhoS(file: string, min: number): Target {
  return { file, metric: 'rho(score, S)', min, value: (r) => r.stc3?.rho.S.rho ?? null };
}

const CS_FILES = ['cs-dev-en', 'cs-dev-zh'] as const;

export const TARGETS: readonly Target[] = [
  turnF1('cs-dev-en', 'acknowledgement', 0.93),
  turnF1('cs-dev-zh', 'acknowledgement', 0.85),
  ...CS_FILES.map((f) => turnF1(f, 'solution', 0.75)),
  ...CS_FILES.map((f) => turnF1(f, 'open_question', 0.7)),
  ...CS_FILES.flatMap((f) => [missing(f, 'acknowledgement', 'precision', 0.8), missing(f, 'acknowledgement', 'recall', 0.75)]),
  ...CS_FILES.flatMap((f) => [missing(f, 'solution', 'precision', 0.6), missing(f, 'solution', 'recall', 0.6)]),
  esconvF1('acknowledgement', 0.55),
  esconvF1('paraphrase', 0.45),
  esconvF1('solution', 0.6),
  rhoS('stc3-train-en', 0.3),
  rhoS('stc3-train-zh', 0.3),
];

export function checkTargets(results: readonly FileEvaluation[], targets: readonly Target[] = TARGETS): TargetCheck[] {
  return targets.map((t) => {
    const r = results.find((x) => x.name === t.file);
    if (!r) return { file: t.file, metric: t.metric, min: t.min, value: null, status: 'not_run' };
    const value = t.value(r);
    return { file: t.file, metric: t.metric, min: t.min, value, status: value !== null && value >= t.min ? 'met' : 'missed' };
  });
}

export function formatTargets(checks: readonly TargetCheck[]): string {
  const run = checks.filter((c) => c.status !== 'not_run');
  const met = run.filter((c) => c.status === 'met').length;
  // Targets on files that were not evaluated are counted in the heading, not listed.
  const rows = run.map((c) => [
    c.file,
    c.metric,
    `>= ${c.min.toFixed(2)}`,
    fmt(c.value),
    c.status === 'met' ? 'met' : 'MISSED',
  ]);
  const table = textTable(['file', 'target', 'goal', 'value', 'status'], rows, ['l', 'l', 'r', 'r', 'l']);
  const notRun = checks.length - run.length;
  const heading = `Targets: ${met} of ${run.length} met${notRun ? ` (${notRun} more on files not evaluated)` : ''}`;
  return run.length ? `${heading}\n${table}\n` : `${heading}\n`;
}
