import type { HeardReport } from '../model/report.js';
import type { ConversationResult } from '../model/analysis.js';

export function formatJson(report: HeardReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One conversation per line, so a consumer can stream results as they are finished. */
export function formatJsonlLine(conversation: ConversationResult): string {
  return `${JSON.stringify(conversation)}\n`;
}
