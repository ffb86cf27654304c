// heard calibrate: agreement between heard and a team's own analysts on labelled conversations (README,
// "Calibrate against your analysts"). `npm run eval` is this command over ../shared/eval.
import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';

export interface CalibrateFlags {
  gold: string[];
  showErrors?: string;
  limit: number;
  maxLines?: number;
  json?: boolean;
  minKappa?: number;
  /** --config FILE; false with --no-config. */
  config?: string | false;
}

function count(value: string): number {
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more.');
  return n;
}

function kappa(value: string): number {
  const k = value.trim() === '' ? NaN : Number(value);
  if (!Number.isFinite(k) || k < -1 || k > 1) throw new InvalidArgumentError('expected a number from -1 to 1.');
  return k;
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description("compare heard's judgements with your analysts' labels: per move P/R/F1 and Cohen's kappa, and the disagreeing turns")
    .requiredOption('--gold <file>', 'labelled conversations, JSONL: heard\'s conversation format plus a "gold" field (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--show-errors <label>', 'quote the disagreements on LABEL: a move or flag, missing-<move>, or score (STC-3); append :fp or :fn for one side')
    .option('--limit <n>', 'how many disagreements to quote', count, 10)
    .option('--max-lines <n>', 'read only the first N conversations of each file (quick runs)', count)
    .option('--json', 'print one JSON object instead of tables')
    .option('--min-kappa <k>', "exit 1 when Cohen's kappa of a turn label falls below K (for CI: catch drift from your analysts)", kappa)
    .option('--config <file>', 'config file (default: the nearest heard.config.json, .heardrc.json or .heardrc.yaml from here up)')
    .option('--no-config', 'judge with the defaults, whatever config file there is (npm run eval does)')
    .action(async (flags: CalibrateFlags) => {
      const { runCalibrate } = await import('./calibrate-run.js');
      process.exitCode = await runCalibrate(flags);
    });
}
