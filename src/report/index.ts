// Every output format renders the same report object; no format recomputes anything.
export const REPORT_FORMATS = ['table', 'json', 'jsonl'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export { formatTable } from './table.js';
export { formatJson, formatJsonlLine } from './json.js';
