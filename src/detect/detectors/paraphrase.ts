// Restating the customer's problem: a cue phrase AND the customer's own content words in the same sentence.
// A cue alone ("so you...", 您是说) is a formula; shared words alone may be a quote. Both together are a paraphrase.
import type { TurnDetector } from '../types.js';
import { loadLexicon } from '../../language/lexicon.js';
import { matchPhrases } from '../phrases.js';

const description = "restates or checks the customer's specific problem in the agent's own words";

const paraphrase: TurnDetector = {
  meta: { id: 'paraphrase', kind: 'move', description },
  detect({ view, kit, customerBefore }) {
    if (customerBefore.length === 0) return undefined;
    const lexicon = loadLexicon(kit.language, 'paraphrase');
    const minShared = Number(lexicon.lists.minSharedWords?.[0] ?? 2);
    // A short restatement ("So covid has been hard on you?") carries few words: one shared content word is
    // enough when it is a large part of what the sentence says.
    const minRatio = Number(lexicon.lists.minSharedRatio?.[0] ?? 1);
    const recent = Number(lexicon.lists.customerTurns?.[0] ?? 2);
    // The customer's words from their last turns: a paraphrase answers what was just said.
    const customerWords = new Set(customerBefore.slice(-recent).flatMap((v) => v.words));
    for (const match of matchPhrases(lexicon, view, kit)) {
      const sentenceWords = new Set(match.sentence.words);
      const shared = [...sentenceWords].filter((w) => customerWords.has(w));
      if (shared.length >= minShared || (shared.length > 0 && shared.length / sentenceWords.size >= minRatio)) {
        return {
          id: 'paraphrase',
          quote: match.sentence.text,
          rule: `${match.entry.id}+overlap`,
          why: `"${match.matched.trim()}" restating the customer's words: ${shared.slice(0, 6).join(', ')}`,
        };
      }
    }
    return undefined;
  },
};
export default paraphrase;
