// The same stock empathy sentence pasted into several replies is a formula, not empathy.
import type { AnalysedTurn } from '../model/analysis.js';

const EMPATHY_MOVES = new Set(['acknowledgement', 'apology']);

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
