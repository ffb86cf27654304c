// The opportunity model, customer side: which moves a customer turn calls for, and why.
import type { CoreMove, Emotion } from '../model/analysis.js';
import type { LanguageKit, TextView } from '../language/index.js';
import { firstPhrase } from '../detect/phrases.js';
import { PUNCTUATION_CUE } from '../detect/emotion.js';

export interface Need {
  move: CoreMove;
  /** The customer's words that created the need, verbatim. */
  quote: string;
  why: string;
}

/** How many content words make a statement "specific" (a problem with some detail) rather than a greeting. */
const SPECIFIC_WORDS = { en: 4, zh: 3 } as const;

export function customerNeeds(view: TextView, kit: LanguageKit, emotion: Emotion): Need[] {
  const needs: Need[] = [];
  const request = firstPhrase(kit.lexicon('request'), view, kit);
  const negative = emotion.polarity === 'negative';
  const substantive = view.words.length >= 2;
  const emotionQuote = negative ? quoteForCues(view, emotion) : undefined;
  // "!!!" or "???" with no word of feeling or trouble is urgency: it calls for an answer, not for acknowledgement.
  const feeling = negative && emotion.cues.some((cue) => cue !== PUNCTUATION_CUE);
  if (feeling) {
    needs.push({ move: 'acknowledgement', quote: emotionQuote!, why: `the customer shows ${describeCues(emotion)}` });
  }
  if (substantive && (request || negative)) {
    const quote = request?.sentence.text ?? emotionQuote!;
    needs.push({ move: 'solution', quote, why: request ? 'the customer asks for something the agent can act on' : 'the customer describes a problem the agent can act on' });
    if (view.words.length >= SPECIFIC_WORDS[kit.language]) {
      needs.push({ move: 'paraphrase', quote, why: 'the customer has stated a specific problem or request' });
    }
  }
  return needs;
}

function describeCues(emotion: Emotion): string {
  const kinds = [...new Set(emotion.cues.map((cue) => cue.split(':')[0]))];
  return kinds.length ? kinds.join(', ').replace('trouble', 'trouble they were caused') : 'negative emotion';
}

/** The sentence that carries the first emotion cue, so the evidence quotes the words that matter. */
function quoteForCues(view: TextView, emotion: Emotion): string {
  const cueWords = emotion.cues.map((cue) => cue.slice(cue.indexOf(':') + 1).trim()).filter(Boolean);
  const sentence = view.sentences.find((s) => cueWords.some((w) => s.norm.includes(w)));
  return (sentence ?? view.sentences[0])?.text ?? view.text;
}
