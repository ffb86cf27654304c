// What the formats show beyond buildReport's numbers, computed once here so that no format computes anything:
// with --baseline, every delta.
import type { HeardReport, ScoreDelta } from '../model/report.js';
import { round } from '../score/agent.js';

export interface Baseline {
  /** The file as named on the command line, shown in the reports. */
  file: string;
  report: HeardReport;
}

export function prepareReport(report: HeardReport, baseline?: Baseline): HeardReport {
  if (!baseline) return report;
  const { summary } = report;
  const previous = new Map(baseline.report.agents.map((agent) => [agent.agent, agent]));
  return {
    ...report,
    summary: { ...summary, baseline: { file: baseline.file, ...compare(summary, baseline.report.summary) } },
    agents: report.agents.map((agent) => {
      const before = previous.get(agent.agent);
      return before ? { ...agent, baseline: compare(agent, before) } : agent;
    }),
  };
}

function compare(current: { score: number | null }, previous: { score: number | null; scored: number }): ScoreDelta {
  const delta = current.score !== null && previous.score !== null ? round(current.score - previous.score, 1) : null;
  return { score: previous.score, scored: previous.scored, delta };
}
