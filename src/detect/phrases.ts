import type { Detection, Flag, Move } from '../model/analysis.js';
import type { TurnDetector } from './types.js';
import type { LanguageKit, Sentence, TextView } from '../language/index.js';
import type { Lexicon, LexiconEntry } from '../language/lexicon.js';
import { maskIgnored } from '../language/lexicon.js';

export interface PhraseMatch {
  entry: LexiconEntry;
  sentence: Sentence;
  /** The words that matched, as normalised. */
  matched: string;
}

/** Every sentence of the view that carries a phrase of the lexicon (one match per sentence, first entry wins). */
export function matchPhrases(lexicon: Lexicon, view: TextView, kit: LanguageKit): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  for (const sentence of view.sentences) {
    // Phrases the config ignores are blanked out first (the sentence's other words still count).
    const norm = maskIgnored(lexicon, sentence.norm);
    if (lexicon.exclude.some((entry) => entry.re.test(norm))) continue;
    for (const entry of lexicon.entries) {
      const m = entry.re.exec(norm);
      if (!m) continue;
      // Negation is read before the first word of the match: a pattern that starts at a clause break
      // (", please call us") must not inherit the negation of the clause before it ("if that doesn't help").
      if (entry.negatable && kit.isNegated(norm, m.index + Math.max(0, m[0].search(/\p{L}/u)))) continue;
      matches.push({ entry, sentence, matched: m[0] });
      break;
    }
  }
  return matches;
}

export function firstPhrase(lexicon: Lexicon, view: TextView, kit: LanguageKit): PhraseMatch | undefined {
  return matchPhrases(lexicon, view, kit)[0];
}

export function detectionOf(id: Move | Flag, match: PhraseMatch, description: string): Detection {
  return {
    id,
    quote: match.sentence.text,
    rule: `${match.entry.id}`,
    why: `"${match.matched.trim()}" — ${match.entry.note ?? description}`,
  };
}

/** A detector that is nothing but its phrase list: the move is present when a sentence carries a phrase. */
export function phraseDetector(id: Move | Flag, lexiconName: string, description: string): TurnDetector {
  return {
    meta: { id, kind: 'move', description },
    detect({ view, kit }) {
      const match = firstPhrase(kit.lexicon(lexiconName), view, kit);
      return match && detectionOf(id, match, description);
    },
  };
}
