// The stable JSON report (schemaVersion 1): every output format is rendered from this object.
import type { ConversationResult, CoreMove } from './analysis.js';
import type { Skipped } from './conversation.js';

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
  coaching: Coaching[];
}

export interface ReportSummary {
  conversations: number;
  scored: number;
  agents: number;
  turns: number;
  score: number | null;
  skipped: Skipped[];
}

export interface HeardReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'heard'; version: string };
  summary: ReportSummary;
  agents: AgentSummary[];
  conversations: ConversationResult[];
}
