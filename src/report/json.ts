import type { HeardReport } from '../model/report.js';

export function formatJson(report: HeardReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One conversation result per line: the shard format `heard report` merges. */
export function formatJsonl(report: HeardReport): string {
  return report.conversations.map((conversation) => `${JSON.stringify(conversation)}\n`).join('');
}
