// Every output format renders the same report object; no format recomputes anything (prepare.ts adds, once,
// what the formats show beyond buildReport). A formatter is `(report, options) => string`, as in ESLint and
// textlint; only the CLI decides where the string goes.
import type { HeardReport } from '../model/report.js';
import type { CsvLevel, ReportFormat } from './formats.js';
import type { Thresholds } from './thresholds.js';

export interface FormatOptions {
  color: boolean;
  csvLevel: CsvLevel;
  thresholds: Thresholds;
}

export type Formatter = (report: HeardReport, options: FormatOptions) => string;

// Each format's module is loaded when that format is written: the terminal ones bring cli-table3 and chalk, and
// loading every formatter took about 50 ms of a small file's run.
const FORMATTERS: Record<ReportFormat, () => Promise<Formatter>> = {
  table: async () => (await import('./table.js')).formatTable,
  json: async () => (await import('./json.js')).formatJson,
  jsonl: async () => (await import('./json.js')).formatJsonl,
  html: async () => (await import('./html.js')).formatHtml,
  md: async () => (await import('./markdown.js')).formatMarkdown,
  csv: async () => (await import('./csv.js')).formatCsv,
  junit: async () => (await import('./junit.js')).formatJunit,
};

export function formatterFor(format: ReportFormat): Promise<Formatter> {
  return FORMATTERS[format]();
}

export { REPORT_FORMATS, CSV_LEVELS, formatForFile } from './formats.js';
export type { ReportFormat, CsvLevel } from './formats.js';
export { prepareReport } from './prepare.js';
export type { Baseline } from './prepare.js';
export { parseHeardOutput } from './load.js';
export type { HeardOutput } from './load.js';
export { reportFailures } from './thresholds.js';
export type { Thresholds } from './thresholds.js';
