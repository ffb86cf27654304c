// What the analyzer concludes about one conversation.
import type { Language, Turn } from './conversation.js';
import type { ConversationTiming } from './timing.js';

export const CORE_MOVES = ['acknowledgement', 'paraphrase', 'solution'] as const;
export type CoreMove = (typeof CORE_MOVES)[number];

export const MOVES = ['acknowledgement', 'paraphrase', 'solution', 'open_question', 'apology'] as const;
export type Move = (typeof MOVES)[number];

export const FLAGS = ['negative_language', 'canned'] as const;
export type Flag = (typeof FLAGS)[number];

/** present: met in time; late: met after the window; missing: needed, never met; not_expected: nothing called for it. */
export type MoveStatus = 'present' | 'late' | 'missing' | 'not_expected';

export type Polarity = 'negative' | 'neutral' | 'positive';

export interface Emotion {
  polarity: Polarity;
  /** 0 (none) .. 1 (strong). */
  intensity: number;
  /** The words or signs that produced the reading. */
  cues: string[];
}

/** Why a move or flag was detected in a turn: the phrase that triggered it, quoted from the turn. */
export interface Detection {
  id: Move | Flag;
  /** The sentence of the turn that carries the move, verbatim. */
  quote: string;
  /** The rule that fired (lexicon entry id, or "overlap" for paraphrase). */
  rule: string;
  /** A human explanation, printed by --why style reports. */
  why: string;
}

/** A turn as analysed: the input turn (less its source, which the conversation carries) plus what was found. */
export interface AnalysedTurn extends Omit<Turn, 'source'> {
  moves: Move[];
  flags: Flag[];
  detections: Detection[];
  emotion?: Emotion;
  /** This customer turn calls for these moves (the opportunity model's reading). */
  needs?: CoreMove[];
}

/**
 * interruption and dead_air come from the turns' times (README, "Calls: timing"); auto_fail from the config's
 * autoFail rules (README, "Your rubric").
 */
export type FindingKind = 'missing' | 'late' | 'negative_language' | 'canned' | 'interruption' | 'dead_air' | 'auto_fail';

export interface Finding {
  kind: FindingKind;
  move?: CoreMove;
  flag?: Flag;
  /** The customer turn that created the need (missing/late), or the agent turn that carries the flag. */
  turn: number;
  /** The agent turn that answered (late) or missed it, if any. */
  agentTurn?: number;
  message: string;
  evidence: { customer?: string; agent?: string };
  /** A phrasing the agent could have used, in the conversation's language. */
  suggestion?: string;
  /** auto_fail findings: the rule that fired (e.g. "missing:solution"). */
  rule?: string;
  /** Timing findings: when it happened (seconds, on the clock of turns[].start) and how long the overlap or silence lasted. */
  moment?: { at: number; seconds: number };
}

export interface Trajectory {
  /** Mean emotion score (-1..1) of the first and last customer turns that carry one. */
  start: number | null;
  end: number | null;
  /** calmer: ended better than it started; worse: ended worse; steady; unknown: too few customer turns. */
  direction: 'calmer' | 'steady' | 'worse' | 'unknown';
}

/** How the score was made (README, "Scores"): each part 0..100, penalty in points. */
export interface ScoreParts {
  score: number;
  /** Weighted share of expected moves met. */
  moves: number;
  /** Where the customer ended up: their last emotion reading mapped onto 0..100 (50 = neutral). */
  outcome: number;
  penalty: number;
  /** The config's autoFail rules that fired and made the score 0 (absent when none did). */
  autoFail?: string[];
}

export interface ConversationResult {
  id: string;
  agent: string;
  source: string;
  language: Language;
  score: number | null;
  /** The parts the score was made of; null when nothing was expected. */
  scoreParts: ScoreParts | null;
  moves: Record<CoreMove, MoveStatus>;
  findings: Finding[];
  trajectory: Trajectory;
  /** Present when the turns carry times: call metrics (interruptions, dead air, talk ratio) or chat reply latency. */
  timing?: ConversationTiming;
  turns: AnalysedTurn[];
}
