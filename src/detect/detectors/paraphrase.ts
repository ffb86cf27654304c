// Restating the customer's problem: a cue phrase AND the customer's own content words in the same sentence.
// A cue alone ("so you...", 您是说) is a formula; shared words alone may be a quote. Both together are a paraphrase.
import type { TurnDetector } from '../types.js';
import { matchPhrases } from '../phrases.js';

const description = "restates or checks the customer's specific problem in the agent's own words";

const paraphrase: TurnDetector = {
  meta: { id: 'paraphrase', kind: 'move', description },
  detect({ view, kit, customerBefore }) {
    if (customerBefore.length === 0) return undefined;
    const lexicon = kit.lexicon('paraphrase');
    const minShared = Number(lexicon.lists.minSharedWords?.[0] ?? 2);
    // A short restatement ("So covid has been hard on you?") carries few words: one shared content word is
    // enough when it is a large part of what the sentence says (but a lone repeated word, like an order
    // number or product name, is not a restatement).
    const minRatio = Number(lexicon.lists.minSharedRatio?.[0] ?? Infinity);
    const recent = Number(lexicon.lists.customerTurns?.[0] ?? 2);
    // The customer's words from their last turns: a paraphrase answers what was just said.
    const ignore = new Set(lexicon.lists.ignore ?? []);
    const customerWords = new Set(customerBefore.slice(-recent).flatMap((v) => v.words));
    // Feelings in other words ("isolated" reflected as "lonely"): each word of a feeling group the customer used
    // counts as theirs, so reflecting the feeling is overlap, not a new topic.
    const customerFeelings = new Set<string>();
    for (const [name, group] of Object.entries(lexicon.lists)) {
      if (name.startsWith('feeling-') && group.some((w) => customerWords.has(w))) group.forEach((w) => customerFeelings.add(w));
    }
    // Checked on its own: a sentence's first cue may be another one ("it sounds like you...").
    const reflection = lexicon.entries.find((e) => e.id === 'reflect-feeling');
    for (const match of matchPhrases(lexicon, view, kit)) {
      const sentenceWords = new Set(match.sentence.words.filter((w) => !ignore.has(w)));
      const feelings = [...sentenceWords].filter((w) => customerFeelings.has(w));
      const shared = [...new Set([...sentenceWords].filter((w) => customerWords.has(w)).concat(feelings))];
      // The reflection route ("it sounds like you feel X") counts when, and only when, X is a feeling the
      // customer expressed; other cues need enough of the customer's words.
      const reflects = feelings.length > 0 && reflection !== undefined && reflection.re.test(match.sentence.norm);
      const overlaps = match.entry !== reflection && (shared.length >= minShared || (shared.length > 0 && sentenceWords.size >= minShared && shared.length / sentenceWords.size >= minRatio));
      const enough = reflects || overlaps;
      if (enough) {
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
