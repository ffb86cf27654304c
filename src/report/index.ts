// Every output format renders the same report object; no format recomputes anything.
export { REPORT_FORMATS } from './formats.js';
export type { ReportFormat } from './formats.js';

export { formatTable } from './table.js';
export { formatJson, formatJsonlLine } from './json.js';
