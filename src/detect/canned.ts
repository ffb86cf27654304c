// The same stock empathy sentence pasted into several replies is a formula, not empathy.
import type { AnalysedTurn } from '../model/analysis.js';

const EMPATHY_MOVES = new Set(['acknowledgement', 'apology']);

/** Normalised form of a sentence for "the same sentence" comparisons: case, spacing and punctuation folded. */
export function cannedKey(sentence: string): string {
  return sentence.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ' ').trim();
}

/**
 * Marks `canned` on every agent turn that repeats, verbatim, an empathy sentence the agent already used
 * earlier in the conversation. Returns the keys of the repeated sentences.
 */
export function markCanned(turns: AnalysedTurn[]): void {
  const seen = new Set<string>();
  for (const turn of turns) {
    if (turn.role !== 'agent') continue;
    for (const detection of turn.detections) {
      if (!EMPATHY_MOVES.has(detection.id)) continue;
      const key = cannedKey(detection.quote);
      if (seen.has(key) && !turn.flags.includes('canned')) {
        turn.flags.push('canned');
        turn.detections.push({ id: 'canned', quote: detection.quote, rule: 'repeated', why: 'the same empathy sentence was already used earlier in this conversation' });
      }
      seen.add(key);
    }
  }
}
