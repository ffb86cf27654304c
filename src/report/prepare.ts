// What the formats show beyond buildReport's numbers, computed once here so that no format computes anything:
// the team's move rates (scored exactly like an agent's) and, with --baseline, every delta.
import type { CoreMove } from '../model/analysis.js';
import type { HeardReport, MoveRate, ScoreDelta } from '../model/report.js';
import { round, summariseAgent } from '../score/agent.js';

export interface Baseline {
  /** The file as named on the command line, shown in the reports. */
  file: string;
  report: HeardReport;
}

/** `teamMoves`: the team's move rates, accumulated by a streamed run whose report no longer holds the conversations. */
export function prepareReport(report: HeardReport, baseline?: Baseline, teamMoves?: Record<CoreMove, MoveRate>): HeardReport {
  const summary = { ...report.summary, moves: teamMoves ?? summariseAgent('team', report.conversations).moves };
  if (!baseline) return { ...report, summary };
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
