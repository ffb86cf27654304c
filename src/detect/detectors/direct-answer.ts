// A direct answer to the customer's question is the solution to that request ("do you open on Sundays?" →
// "Yes, from 10 to 4"). Phrase lists cannot see this; the context can: the customer just asked, and the
// agent replies with a statement about the same things, neither a refusal nor a question back.
import type { TurnDetector } from '../types.js';

const description = "answers the question the customer just asked";
const QUESTION = /[?？]|(?:吗|嘛|么|呢)\s*$|(\p{Script=Han})[不没]\1/u;
// A question the customer typed without its mark: it opens with a question word and an auxiliary
// ("when does the sale start").
const UNMARKED_QUESTION = /^(?:how|where|when|what|which|why|who)(?:'s| (?:do|does|did|is|are|was|were|can|could|will|would|should|has|have))\b/u;
// "?!" after a statement ("charged twice again?!") is disbelief, not a question that waits for an answer.
const INCREDULOUS = /(?:[?？][!！]|[!！][?？])[?？!！]*\s*$/u;
const ASKS_BACK = /[?？]\s*$/u;

function isQuestion(sentence: { text: string; norm: string }): boolean {
  if (UNMARKED_QUESTION.test(sentence.norm)) return true;
  return QUESTION.test(sentence.text) && !INCREDULOUS.test(sentence.text);
}

// The lexicon's lists hold regular expressions as strings: compiled once per list.
const compiled = new WeakMap<readonly string[], RegExp[]>();
function patterns(list: readonly string[] | undefined): RegExp[] {
  if (!list) return [];
  let res = compiled.get(list);
  if (!res) {
    res = list.map((source) => new RegExp(source, 'u'));
    compiled.set(list, res);
  }
  return res;
}

const directAnswer: TurnDetector = {
  meta: { id: 'solution', kind: 'move', description },
  detect({ view, kit, customerBefore, found }) {
    if (found.has('solution')) return undefined;
    const asked = customerBefore.at(-1)?.sentences.filter(isQuestion);
    if (!asked?.length) return undefined;
    const lexicon = kit.lexicon('direct-answer');
    // A question about the agent themselves ("have you ever been through this?") is answered by self-disclosure,
    // not by a way forward, unless the customer also asked for advice.
    const personal = patterns(lexicon.lists['personal-question']);
    if (asked.some((s) => personal.some((re) => re.test(s.norm)))) {
      const advice = patterns(lexicon.lists['advice-request']);
      if (!advice.some((re) => re.test(customerBefore.at(-1)!.norm))) return undefined;
    }
    const askedWords = new Set(asked.flatMap((s) => s.words));
    const exclude = [...kit.lexicon('solution').exclude, ...lexicon.exclude];
    const refusal = kit.lexicon('refusal');
    for (const sentence of view.sentences) {
      if (ASKS_BACK.test(sentence.text) || exclude.some((e) => e.re.test(sentence.norm))) continue;
      // A "no" with nothing after it is a refusal, not an answer that moves the customer forward.
      if (refusal.entries.some((e) => e.re.test(sentence.norm))) continue;
      const shared = sentence.words.filter((w) => askedWords.has(w));
      if (shared.length === 0 || kit.isNegated(sentence.norm, sentence.norm.indexOf(shared[0]!))) continue;
      return {
        id: 'solution',
        quote: sentence.text,
        rule: 'answers-question',
        why: `answers the customer's question about ${[...new Set(shared)].slice(0, 4).join(', ')} — ${description}`,
      };
    }
    return undefined;
  },
};
export default directAnswer;
