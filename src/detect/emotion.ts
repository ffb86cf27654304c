// The customer's side: what each customer turn shows of their feelings (lexicons/<lang>/emotion.yml).
import type { Emotion } from '../model/analysis.js';
import type { LanguageKit, Sentence, TextView } from '../language/index.js';
import type { LexiconEntry } from '../language/lexicon.js';
import { maskIgnored } from '../language/lexicon.js';

const EXCLAIMING = /[!！](?:\s*[!！])+/u;
const ASKING_HARD = /[?？]{2,}|[?？][!！]|[!！][?？]/u;
const SHOUTING = /\b[A-Z]{3,}\b(?:\W+\b[A-Z]{2,}\b)+/u;

/**
 * The cues of intensity marks. Punctuation alone ("can I still join???") marks urgency: it counts in the
 * customer's reading, but it is no feeling for the agent to acknowledge (src/judge/needs.ts).
 */
export const PUNCTUATION_CUE = 'intensity: punctuation';
export const CAPITALS_CUE = 'intensity: capitals';

/** Below this much evidence a turn reads neutral. */
const NEGATIVE_AT = 0.3;
const POSITIVE_AT = 0.25;
/** Positive cues this weak are politeness ("thanks", "ok"): they lift a neutral turn but never cancel a complaint. */
const POLITENESS_WEIGHT = 0.3;

/**
 * Cues combine like independent evidence (1 - Π(1 - w)), so two mild signs weigh more than one, and the
 * negative and positive sides are weighed against each other: "thanks, but it still doesn't work" is a
 * complaint, "it works now, sorry for the trouble" is relief. Intensity marks (!!!, ？？？, CAPS) and, for
 * English, the model's sentiment add to the side they fit.
 */
export function readEmotion(view: TextView, kit: LanguageKit): Emotion {
  // Sentences that only imagine trouble ("if it never arrives, what then?", 如果…怎么办) show no feeling yet.
  const negativeLexicon = kit.lexicon('emotion');
  const sentences = view.sentences
    .map((s) => (negativeLexicon.ignore ? { ...s, norm: maskIgnored(negativeLexicon, s.norm) } : s))
    .filter((s) => !negativeLexicon.exclude.some((e) => e.re.test(s.norm)));
  const negative = weigh(negativeLexicon.entries, sentences, kit);
  const positiveEntries = kit.lexicon('emotion-positive').entries;
  const positive = weigh(positiveEntries, sentences, kit);
  const relief = weigh(positiveEntries.filter((e) => e.weight > POLITENESS_WEIGHT), sentences, kit);
  // "???" and shouting are frustration on their own; "!!!" only intensifies: "thank you!!!" is not upset.
  const exclaiming = EXCLAIMING.test(view.text) && (negative.cues.length > 0 || positive.cues.length === 0);
  const shouting = SHOUTING.test(view.text);
  if (exclaiming || ASKING_HARD.test(view.text) || shouting) negative.add(shouting ? CAPITALS_CUE : PUNCTUATION_CUE, 0.35);
  if (view.sentiment <= -0.4) negative.add(`sentiment: ${view.sentiment.toFixed(2)}`, -view.sentiment / 2);
  if (view.sentiment >= 0.4) positive.add(`sentiment: ${view.sentiment.toFixed(2)}`, view.sentiment / 2);
  const complaint = negative.strength() - relief.strength();
  if (negative.strength() >= NEGATIVE_AT && complaint >= 0.15) return { polarity: 'negative', intensity: round(complaint), cues: negative.cues };
  const net = negative.strength() - positive.strength();
  if (-net >= POSITIVE_AT) return { polarity: 'positive', intensity: round(-net), cues: positive.cues };
  return { polarity: 'neutral', intensity: round(Math.abs(net)), cues: [...negative.cues, ...positive.cues] };
}

interface Evidence {
  cues: string[];
  add(cue: string, weight: number): void;
  strength(): number;
}

function weigh(entries: LexiconEntry[], sentences: Sentence[], kit: LanguageKit): Evidence {
  let none = 1;
  const evidence: Evidence = {
    cues: [],
    add(cue, weight) {
      evidence.cues.push(cue);
      none *= 1 - Math.min(1, Math.max(0, weight));
    },
    strength: () => 1 - none,
  };
  for (const entry of entries) {
    const cue = firstCue(entry, sentences, kit);
    if (cue !== undefined) evidence.add(`${entry.id}: ${cue}`, entry.weight);
  }
  return evidence;
}

/** -1 (strongly negative) .. 1 (strongly positive): one number per turn for the trajectory. */
export function emotionValue(emotion: Emotion): number {
  if (emotion.polarity === 'negative') return -emotion.intensity;
  if (emotion.polarity === 'positive') return emotion.intensity;
  return 0;
}

function firstCue(entry: LexiconEntry, sentences: Sentence[], kit: LanguageKit): string | undefined {
  for (const sentence of sentences) {
    const m = entry.re.exec(sentence.norm);
    if (m && !(entry.negatable && kit.isNegated(sentence.norm, m.index))) return m[0].trim();
  }
  return undefined;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
