// The stable JSON report (schemaVersion 1): every output format is rendered from this object.
import type { ConversationResult, CoreMove } from './analysis.js';
import type { Skipped } from './conversation.js';
import type { AgentTiming } from './timing.js';

export const SCHEMA_VERSION = 1;

export interface MoveRate {
  expected: number;
  met: number;
  late: number;
  /** (met + late) / expected, or null when the move was never expected. */
  rate: number | null;
}

export interface CoachingExample {
  conversation: string;
  turn: number;
  customer: string;
}

export interface Coaching {
  move: CoreMove;
  /** Weighted share of score lost to this move (weight x missed opportunities / opportunities). */
  gap: number;
  message: string;
  examples: CoachingExample[];
  suggestion: string;
}

export interface AgentSummary {
  agent: string;
  conversations: number;
  scored: number;
  score: number | null;
  moves: Record<CoreMove, MoveRate>;
  flags: { negative_language: number; canned: number };
  /** Empathy sentences pasted verbatim into many of the agent's conversations (see detect/canned.ts). */
  cannedPhrases: { phrase: string; conversations: number }[];
  coaching: Coaching[];
  /** Present when some of the agent's conversations carry times (README, "Calls: timing"). */
  timing?: AgentTiming;
  /** Present when the report was compared with a baseline (--baseline) that has this agent. */
  baseline?: ScoreDelta;
}

/** A score against the same score in the baseline report (--baseline). */
export interface ScoreDelta {
  /** The baseline's score and how many conversations it was made of. */
  score: number | null;
  scored: number;
  /** Current minus baseline, in points; null when either side is not scored. */
  delta: number | null;
}

export interface ReportSummary {
  conversations: number;
  scored: number;
  agents: number;
  turns: number;
  score: number | null;
  /**
   * The accounting of a run (README, "Bad input and safety"): conversations found in the input (`read`: the
   * analysed ones plus those skipped whole because no turn was usable) and `analysed`; every input item not
   * analysed is in `skipped`, with its source and reason. Optional so schemaVersion 1 readers are unaffected.
   */
  read?: number;
  analysed?: number;
  skipped: Skipped[];
  /**
   * The whole team's move rates, computed like an agent's (the HTML report charts each agent against them).
   * Optional so readers of earlier schemaVersion 1 reports are unaffected.
   */
  moves?: Record<CoreMove, MoveRate>;
  /** Present with --baseline: the overall score against the baseline report's, and the file it came from. */
  baseline?: ScoreDelta & { file: string };
}

export interface HeardReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'heard'; version: string };
  summary: ReportSummary;
  agents: AgentSummary[];
  conversations: ConversationResult[];
  /**
   * The rubric the report was made with (README, "Your rubric"): a stable hash of the effective settings, the
   * config file they came from (none: the defaults), and the settings themselves. Reports are comparable only
   * when their hashes match. Optional so schemaVersion 1 readers are unaffected.
   */
  config?: ReportConfig;
}

export interface ReportConfig {
  hash: string;
  file?: string;
  /** The effective settings (src/config/defaults.ts, Settings), as plain JSON. */
  settings: Record<string, unknown>;
}
