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
 * Sentences followed per agent. Real transcripts make most empathy sentences unique ("sorry your order #58213 is
 * late"), so counting every one would grow with the corpus. With this many counters (Space-Saving: a new sentence
 * takes the place of the least used one), every sentence of at least half the stock share is still followed, and
 * a count is off by at most 1% of the agent's conversations (by nothing while fewer sentences than this were seen).
 */
const STOCK_TRACKED = Math.ceil(2 / STOCK_MIN_SHARE);

interface Counter {
  phrase: string;
  conversations: number;
  /** How many of `conversations` may belong to the sentences it replaced: the count is at least the difference. */
  inherited: number;
}

/**
 * Empathy sentences an agent pastes, verbatim, into many of their conversations: a coaching point of its own
 * ("Sorry for the inconvenience" in every reply is not empathy). Fed once per conversation and sentence (by
 * canned key), in conversation order, so the result is the same however the run was split.
 */
export class StockCounter {
  private readonly counters = new Map<string, Counter>();

  add(key: string, phrase: string): void {
    const counter = this.counters.get(key);
    if (counter) {
      counter.conversations++;
      return;
    }
    if (this.counters.size < STOCK_TRACKED) {
      this.counters.set(key, { phrase, conversations: 1, inherited: 0 });
      return;
    }
    // The least used counter (the oldest among equals) is handed to the new sentence.
    let [leastKey, least] = this.counters.entries().next().value as [string, Counter];
    for (const [k, c] of this.counters) {
      if (c.conversations < least.conversations) [leastKey, least] = [k, c];
    }
    this.counters.delete(leastKey);
    this.counters.set(key, { phrase, conversations: least.conversations + 1, inherited: least.conversations });
  }

  /** The stock phrases of an agent with `conversations` conversations, most used first, counts never overstated. */
  phrases(conversations: number): StockPhrase[] {
    return [...this.counters.values()]
      .map((c) => ({ phrase: c.phrase, conversations: c.conversations - c.inherited }))
      .filter((u) => u.conversations >= STOCK_MIN_CONVERSATIONS && u.conversations >= STOCK_MIN_SHARE * conversations)
      .sort((a, b) => b.conversations - a.conversations || a.phrase.localeCompare(b.phrase))
      .slice(0, STOCK_MAX_LISTED);
  }
}
