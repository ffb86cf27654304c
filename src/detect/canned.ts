// The same stock empathy sentence pasted into several replies is a formula, not empathy.
import type { AnalysedTurn } from '../model/analysis.js';

/** The moves whose sentences, pasted again and again, are formulas. */
export const EMPATHY_MOVES: ReadonlySet<string> = new Set(['acknowledgement', 'apology']);

/** Normalised form of a sentence for "the same sentence" comparisons: case, spacing and punctuation folded. */
export function cannedKey(sentence: string): string {
  return sentence.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
}

/** Marks `canned` on every agent turn that repeats, verbatim, an empathy sentence of an earlier agent turn. */
export function markCanned(turns: AnalysedTurn[]): void {
  const usedBefore = new Set<string>();
  for (const turn of turns) {
    if (turn.role !== 'agent') continue;
    const quotes = new Set(turn.detections.filter((d) => EMPATHY_MOVES.has(d.id)).map((d) => d.quote));
    for (const quote of quotes) {
      const key = cannedKey(quote);
      if (usedBefore.has(key) && !turn.flags.includes('canned')) {
        turn.flags.push('canned');
        turn.detections.push({ id: 'canned', quote, rule: 'repeated', why: 'the same empathy sentence was already used in an earlier reply of this conversation' });
      }
    }
    for (const quote of quotes) usedBefore.add(cannedKey(quote));
  }
}

export interface StockPhrase {
  phrase: string;
  /** How many of the agent's conversations use it. */
  conversations: number;
}

/** A stock sentence is used in at least this many conversations, and in at least this share of them. */
const STOCK_MIN_CONVERSATIONS = 3;
const STOCK_MIN_SHARE = 0.02;
/** Only the most used are worth a coaching line. */
const STOCK_MAX_LISTED = 10;

/**
 * Empathy sentences an agent pastes, verbatim, into many of their conversations: a coaching point of its own
 * ("Sorry for the inconvenience" in every reply is not empathy). `uses` counts, per sentence, the conversations
 * of the agent that use it (src/score/agent.ts keeps them as it goes).
 */
export function stockPhrases(uses: Iterable<StockPhrase>, conversations: number): StockPhrase[] {
  return [...uses]
    .filter((u) => u.conversations >= STOCK_MIN_CONVERSATIONS && u.conversations >= STOCK_MIN_SHARE * conversations)
    .sort((a, b) => b.conversations - a.conversations || a.phrase.localeCompare(b.phrase))
    .slice(0, STOCK_MAX_LISTED)
    .map((u) => ({ ...u }));
}
