// What `heard analyze` and `heard report` share after the analysis: where each report goes and in which format,
// the baseline, writing every report from the one report object, and the thresholds that make the exit code.
import { readFile } from 'node:fs/promises';
import { configMismatch } from '../config/record.js';
import type { HeardReport } from '../model/report.js';
import type { CsvLevel, ReportFormat } from '../report/formats.js';
import { formatForFile, OUT_EXTENSIONS } from '../report/formats.js';
import type { Baseline, Thresholds } from '../report/index.js';
import { EXIT, HeardError } from './errors.js';
import { openOutput } from './output.js';

export interface ReportFlags {
  format?: ReportFormat;
  out: string[];
  csvLevel: CsvLevel;
  failUnder?: number;
  failOn?: 'missing';
  baseline?: string;
  failOnDrop?: number;
  minConversations: number;
  color?: boolean;
}

export interface Target {
  /** undefined: stdout. */
  file?: string;
  format: ReportFormat;
}

/** Checked before any analysis, so a typo in --out fails in milliseconds, not after the whole run. */
export function resolveTargets(flags: ReportFlags): Target[] {
  if (flags.failOnDrop !== undefined && flags.baseline === undefined) throw new HeardError('--fail-on-drop needs --baseline <previous report.json> to compare with');
  if (!flags.out.length) return [{ format: flags.format ?? (process.stdout.isTTY ? 'table' : 'json') }];
  return flags.out.map((file) => {
    const byName = formatForFile(file);
    if (byName && flags.format && byName !== flags.format) {
      throw new HeardError(`--format ${flags.format} conflicts with --out ${file}, whose extension means ${byName}`);
    }
    const format = byName ?? flags.format;
    if (!format) throw new HeardError(`cannot tell the format of --out ${file} from its extension (${OUT_EXTENSIONS.join(' ')}); add --format`);
    return { file, format };
  });
}

export async function loadBaseline(file: string | undefined): Promise<Baseline | undefined> {
  if (file === undefined) return undefined;
  const { parseHeardOutput } = await import('../report/load.js');
  const output = parseHeardOutput(await readText(file, '--baseline'));
  if (output?.kind === 'unreadable') throw new HeardError(`--baseline ${file}: ${output.reason}`);
  if (output?.kind !== 'report') throw new HeardError(`--baseline ${file} is not a heard JSON report (write one with heard analyze --format json)`);
  return { file, report: output.report };
}

export async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new HeardError(`${what} ${file}: ${(error as Error).message}`);
  }
}

/**
 * What a streamed run (src/cli/pipeline.ts) hands over with a report that may no longer hold its conversations:
 * the targets it has been writing as it went, each finished here with the final report, and the aggregates
 * that would otherwise be read off the conversations.
 */
export interface Streamed {
  finish: Map<Target, (report: HeardReport) => Promise<void>>;
  missing: number;
}

/** Write every report and return the exit code: 1 when a threshold is not met (each reason on stderr). */
export async function publish(built: HeardReport, baseline: Baseline | undefined, targets: Target[], flags: ReportFlags, streamed?: Streamed): Promise<number> {
  const { formatterFor, prepareReport, reportFailures } = await import('../report/index.js');
  const report = prepareReport(built, baseline);
  const mismatch = baseline && configMismatch(built, baseline.report);
  if (mismatch) process.stderr.write(`heard: --baseline ${baseline!.file}: ${mismatch}\n`);
  const thresholds: Thresholds = {
    failUnder: flags.failUnder,
    failOnMissing: flags.failOn === 'missing',
    failOnDrop: flags.failOnDrop,
    minConversations: flags.minConversations,
  };
  for (const target of targets) {
    const finish = streamed?.finish.get(target);
    if (finish) {
      await finish(report);
      continue;
    }
    const output = openOutput(target.file);
    const color = flags.color !== false && output.isTTY && !process.env.NO_COLOR;
    const format = await formatterFor(target.format);
    output.write(format(report, { color, csvLevel: flags.csvLevel, thresholds }));
    await output.close();
  }
  const failures = reportFailures(report, thresholds, streamed?.missing);
  for (const reason of failures) process.stderr.write(`heard: ${reason}\n`);
  return failures.length ? EXIT.threshold : EXIT.ok;
}
