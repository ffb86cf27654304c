import type { CoreMove } from '../model/analysis.js';

/** How much each core move is worth in a conversation score (README, "Scores"). */
export const MOVE_WEIGHTS: Record<CoreMove, number> = { acknowledgement: 0.35, paraphrase: 0.25, solution: 0.4 };
/** A late move earns this share of its weight. */
export const LATE_CREDIT = 0.5;
/** Points taken off per agent turn flagged for negative language. */
export const NEGATIVE_LANGUAGE_PENALTY = 10;
