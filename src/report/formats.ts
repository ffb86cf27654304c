// Kept light (no formatter imports) so the CLI can list formats and check --out names before loading anything.

/** Every report format. */
export const REPORT_FORMATS = ['table', 'json', 'jsonl', 'html', 'md', 'csv', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What one CSV row is (--csv-level). */
export const CSV_LEVELS = ['conversation', 'turn', 'finding', 'agent', 'skipped'] as const;
export type CsvLevel = (typeof CSV_LEVELS)[number];

/** --out FILE takes its format from the extension; longest match first, so report.junit.xml is junit. */
const EXTENSIONS: [string, ReportFormat][] = [
  ['.junit.xml', 'junit'],
  ['.xml', 'junit'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.md', 'md'],
  ['.markdown', 'md'],
  ['.csv', 'csv'],
  ['.json', 'json'],
  ['.jsonl', 'jsonl'],
  ['.ndjson', 'jsonl'],
];

export const OUT_EXTENSIONS = EXTENSIONS.map(([ext]) => ext);

export function formatForFile(file: string): ReportFormat | undefined {
  const lower = file.toLowerCase();
  return EXTENSIONS.find(([ext]) => lower.endsWith(ext))?.[1];
}
