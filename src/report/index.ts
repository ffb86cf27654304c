// Every output format renders the same report object; no format recomputes anything (prepare.ts adds, once,
// what the formats show beyond buildReport). A formatter is `(report, options) => string`, as in ESLint and
// textlint; only the CLI decides where the string goes.
import type { HeardReport } from '../model/report.js';
import type { CsvLevel, ReportFormat } from './formats.js';
import type { Thresholds } from './thresholds.js';
import { formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import { formatJson, formatJsonl } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';

export interface FormatOptions {
  color: boolean;
  csvLevel: CsvLevel;
  thresholds: Thresholds;
}

export type Formatter = (report: HeardReport, options: FormatOptions) => string;

export const FORMATTERS: Record<ReportFormat, Formatter> = {
  table: formatTable,
  json: formatJson,
  jsonl: formatJsonl,
  html: formatHtml,
  md: formatMarkdown,
  csv: formatCsv,
  junit: formatJunit,
};

export { REPORT_FORMATS, CSV_LEVELS, formatForFile } from './formats.js';
export type { ReportFormat, CsvLevel } from './formats.js';
export { prepareReport } from './prepare.js';
export type { Baseline } from './prepare.js';
export { parseHeardOutput } from './load.js';
export type { HeardOutput } from './load.js';
export { reportFailures } from './thresholds.js';
export type { Thresholds } from './thresholds.js';
export { formatExplain } from './explain.js';
