// The CI thresholds (--fail-under, --fail-on missing, --fail-on-drop): one reading shared by the exit code
// and the JUnit report, so a failing testcase and exit 1 always agree.
import { CORE_MOVES } from '../model/analysis.js';
import type { ConversationResult, CoreMove } from '../model/analysis.js';
import type { HeardReport } from '../model/report.js';
import { scoreLabel } from './text.js';

export interface Thresholds {
  failUnder?: number;
  /** --fail-on missing: a conversation with a needed-but-missing move fails. */
  failOnMissing?: boolean;
  /** --fail-on-drop N: a drop of more than N points against the baseline fails. */
  failOnDrop?: number;
  /** Agents with fewer scored conversations (tonight or in the baseline) are too noisy for --fail-on-drop. */
  minConversations: number;
}

export const DEFAULT_MIN_CONVERSATIONS = 5;

export function missingMoves(conversation: ConversationResult): CoreMove[] {
  return CORE_MOVES.filter((move) => conversation.moves[move] === 'missing');
}

/** Why one conversation fails (a JUnit failure); empty when it passes. */
export function conversationFailures(conversation: ConversationResult, thresholds: Thresholds): string[] {
  const reasons: string[] = [];
  const { score } = conversation;
  if (thresholds.failUnder !== undefined && score !== null && score < thresholds.failUnder) {
    reasons.push(`score ${scoreLabel(score)} is below --fail-under ${thresholds.failUnder}`);
  }
  const missing = missingMoves(conversation);
  if (thresholds.failOnMissing && missing.length) reasons.push(`missing ${missing.join(', ')}`);
  return reasons;
}

/**
 * Why the whole run fails (exit 1); empty when every threshold is met. `missing`: the conversations missing a
 * needed move, counted as they streamed by, when the report no longer holds them (heard analyze --format jsonl).
 */
export function reportFailures(report: HeardReport, thresholds: Thresholds, missing?: number): string[] {
  const reasons: string[] = [];
  const { summary } = report;
  if (thresholds.failUnder !== undefined && summary.score !== null && summary.score < thresholds.failUnder) {
    reasons.push(`overall score ${scoreLabel(summary.score)} is below --fail-under ${thresholds.failUnder}`);
  }
  if (thresholds.failOnMissing) {
    const count = missing ?? report.conversations.filter((c) => missingMoves(c).length > 0).length;
    if (count) reasons.push(`${count} conversation(s) miss a needed move (--fail-on missing)`);
  }
  const limit = thresholds.failOnDrop;
  if (limit !== undefined) {
    const dropped = (delta: number | null): delta is number => delta !== null && delta < -limit;
    if (summary.baseline && dropped(summary.baseline.delta)) {
      reasons.push(`overall score dropped ${scoreLabel(-summary.baseline.delta)} points (${scoreLabel(summary.baseline.score)} → ${scoreLabel(summary.score)}), more than --fail-on-drop ${limit}`);
    }
    for (const agent of report.agents) {
      const base = agent.baseline;
      if (!base || agent.scored < thresholds.minConversations || base.scored < thresholds.minConversations) continue;
      if (dropped(base.delta)) {
        reasons.push(`agent ${agent.agent} dropped ${scoreLabel(-base.delta)} points (${scoreLabel(base.score)} → ${scoreLabel(agent.score)}), more than --fail-on-drop ${limit}`);
      }
    }
  }
  return reasons;
}
