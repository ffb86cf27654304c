/** Every report format (kept here, light, so the CLI can list them without loading the formatters). */
export const REPORT_FORMATS = ['table', 'json', 'jsonl'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
