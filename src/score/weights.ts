import type { CoreMove } from '../model/analysis.js';

/** How much each core move is worth within the move share (README, "Scores"). */
export const MOVE_WEIGHTS: Record<CoreMove, number> = { acknowledgement: 0.35, paraphrase: 0.25, solution: 0.4 };
/** A late move earns this share of its weight. */
export const LATE_CREDIT = 0.5;
/**
 * The score blends what the agent did (the move share) with where the customer ended up (情感引导: the
 * emotion of their last turn). Measured on STC-3, the move share alone does not track satisfaction
 * (stock apologies cluster where problems stay unsolved); the customer's final state does.
 */
export const SCORE_BLEND = { moves: 0.35, outcome: 0.65 } as const;
/** Points taken off per agent turn flagged for negative language. */
export const NEGATIVE_LANGUAGE_PENALTY = 10;
/** Points taken off per interruption: the agent starting while the customer was still talking (避免打断). */
export const INTERRUPTION_PENALTY = 5;
