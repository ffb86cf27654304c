// Restating the customer's problem: a cue phrase AND the customer's own content words in the same sentence.
// A cue alone ("so you...", 您是说) is a formula; shared words alone may be a quote. Both together are a paraphrase.
import type { TurnDetector } from '../types.js';
import { matchPhrases } from '../phrases.js';
import type { Lexicon } from '../../language/lexicon.js';

const description = "restates or checks the customer's specific problem in the agent's own words";

/**
 * A rough English stem, so that the word forms a lemmatiser leaves apart ("cheating" the noun, "cheat" the verb;
 * "coworkers", "worker") still meet. Chinese words pass through.
 */
const stem = (w: string): string => (w.length <= 4 || !/^[a-z'-]+$/u.test(w) ? w : w.replace(/(?:ings?|ed|ers?|(?<!s)s)$/u, ''));

/** A lexicon's groups (lists `<prefix>*`), stemmed once: they are read for every reply with a cue. */
const stemmedGroups = new WeakMap<Lexicon, Map<string, string[][]>>();
function groupsOf(lexicon: Lexicon, prefix: string): string[][] {
  let byPrefix = stemmedGroups.get(lexicon);
  if (!byPrefix) stemmedGroups.set(lexicon, (byPrefix = new Map()));
  let groups = byPrefix.get(prefix);
  if (!groups) {
    groups = Object.entries(lexicon.lists)
      .filter(([name]) => name.startsWith(prefix))
      .map(([, group]) => group.map(stem));
    byPrefix.set(prefix, groups);
  }
  return groups;
}

/** Words of the customer's groups (lists `<prefix>*`): each word of a group the customer used counts as theirs. */
function groupWords(lexicon: Lexicon, prefix: string, customerWords: ReadonlySet<string>): Set<string> {
  const words = new Set<string>();
  for (const group of groupsOf(lexicon, prefix)) {
    if (group.some((w) => customerWords.has(w))) group.forEach((w) => words.add(w));
  }
  return words;
}

const paraphrase: TurnDetector = {
  meta: { id: 'paraphrase', kind: 'move', description },
  detect({ view, kit, customerBefore }) {
    if (customerBefore.length === 0) return undefined;
    const lexicon = kit.lexicon('paraphrase');
    // Most replies carry no cue at all: find the cues first, and gather the customer's words only when one is there.
    const matches = matchPhrases(lexicon, view, kit);
    if (matches.length === 0) return undefined;
    const number = (name: string, fallback: number) => Number(lexicon.lists[name]?.[0] ?? fallback);
    const minShared = number('minSharedWords', 2);
    // A short restatement ("So covid has been hard on you?") carries few words: one shared content word is
    // enough when it is a large part of what the sentence says (but a lone repeated word, like an order
    // number or product name, is not a restatement).
    const minRatio = number('minSharedRatio', Infinity);
    // Checking forms ("So you...", "..., is that right?", "you're saying...") say by their form that they
    // restate: one of the customer's words (or its synonym) is enough.
    const strongCues = new Set(lexicon.lists.strongCues ?? []);
    const minStrong = number('minSharedStrong', minShared);
    const tagCues = new Set(lexicon.lists.tagCues ?? []);
    const formCues = new Set(lexicon.lists.formCues ?? []);
    const minFormWords = number('minFormWords', Infinity);
    const recent = number('customerTurns', 2);
    // The customer's words from their last turns: a paraphrase answers what was just said.
    const ignore = new Set(lexicon.lists.ignore ?? []);
    const customerWords = new Set(customerBefore.slice(-recent).flatMap((v) => v.words.map(stem)));
    const earlierWords = new Set(customerBefore.slice(-number('customerTurnsStrong', recent)).flatMap((v) => v.words.map(stem)));
    // Feelings in other words ("isolated" reflected as "lonely"), and the situation in other words ("job" said
    // back as "work"): each word of a group the customer used counts as theirs, so it is overlap, not a new topic.
    const customerFeelings = groupWords(lexicon, 'feeling-', customerWords);
    const customerSynonyms = groupWords(lexicon, 'same-', customerWords);
    const earlierSynonyms = groupWords(lexicon, 'same-', earlierWords);
    // Checked on its own: a sentence's first cue may be another one ("it sounds like you...").
    const reflection = lexicon.entries.find((e) => e.id === 'reflect-feeling');
    for (const match of matches) {
      const strong = strongCues.has(match.entry.id);
      const words = strong ? earlierWords : customerWords;
      const sameSituation = strong ? earlierSynonyms : customerSynonyms;
      // A tag standing alone ("Is that right?") checks the statement before it.
      const at = view.sentences.indexOf(match.sentence);
      const previous = tagCues.has(match.entry.id) && at > 0 ? view.sentences[at - 1]!.words : [];
      const sentenceWords = new Set(match.sentence.words.concat(previous).filter((w) => !ignore.has(w)).map(stem));
      const feelings = [...sentenceWords].filter((w) => customerFeelings.has(w));
      const synonyms = [...sentenceWords].filter((w) => sameSituation.has(w));
      const shared = [...new Set([...sentenceWords].filter((w) => words.has(w)).concat(feelings, synonyms))];
      // The reflection route ("it sounds like you feel X") counts when, and only when, X is a feeling the
      // customer expressed; other cues need enough of the customer's words.
      const reflects = feelings.length > 0 && reflection !== undefined && reflection.re.test(match.sentence.norm);
      // A lone repeated word (an order number, a product name) is not a restatement, whatever the cue.
      const needed = strong && sentenceWords.size >= minShared ? minStrong : minShared;
      const overlaps =
        match.entry !== reflection &&
        (shared.length >= needed || (shared.length > 0 && sentenceWords.size >= minShared && shared.length / sentenceWords.size >= minRatio));
      const byForm = formCues.has(match.entry.id) && sentenceWords.size >= minFormWords;
      if (reflects || overlaps || byForm) {
        return {
          id: 'paraphrase',
          quote: match.sentence.text,
          rule: `${match.entry.id}+overlap`,
          why: shared.length
            ? `"${match.matched.trim()}" restating the customer's words: ${shared.slice(0, 6).join(', ')}`
            : `"${match.matched.trim()}" saying the customer's situation back to them`,
        };
      }
    }
    return undefined;
  },
};
export default paraphrase;
