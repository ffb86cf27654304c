// The customer's side: what each customer turn shows of their feelings (lexicons/<lang>/emotion.yml).
import type { Emotion } from '../model/analysis.js';
import type { LanguageKit, Sentence, TextView } from '../language/index.js';
import type { LexiconEntry } from '../language/lexicon.js';

const EXCLAIMING = /[!！]{2,}/u;
const ASKING_HARD = /[?？]{2,}|[?？][!！]|[!！][?？]/u;
const SHOUTING = /\b[A-Z]{3,}\b(?:\W+\b[A-Z]{2,}\b)+/u;

/**
 * Negative cues combine like independent evidence (1 - Π(1 - w)), so two mild signs weigh more than one;
 * intensity marks (!!!, ？？？, CAPS) and, for English, the model's sentiment add to it.
 */
export function readEmotion(view: TextView, kit: LanguageKit): Emotion {
  const lexicon = kit.lexicon('emotion');
  const cues: string[] = [];
  let calm = 1;
  // Sentences that only imagine trouble ("if it never arrives, what then?", 如果…怎么办) show no feeling yet.
  const sentences = view.sentences.filter((s) => !lexicon.exclude.some((e) => e.re.test(s.norm)));
  for (const entry of lexicon.entries) {
    const cue = firstCue(entry, sentences, kit);
    if (cue === undefined) continue;
    cues.push(`${entry.id}: ${cue}`);
    calm *= 1 - entry.weight;
  }
  const positive = view.norm.match(positiveWords(kit.language, lexicon.lists.positive ?? [])) ?? [];
  // "???" and shouting are frustration on their own; "!!!" only intensifies: "thank you!!!" is not upset.
  const exclaiming = EXCLAIMING.test(view.text) && (cues.length > 0 || positive.length === 0);
  if (exclaiming || ASKING_HARD.test(view.text) || SHOUTING.test(view.text)) {
    cues.push('intensity: punctuation or capitals');
    calm *= 0.65;
  }
  if (view.sentiment <= -0.4) {
    cues.push(`sentiment: ${view.sentiment.toFixed(2)}`);
    calm *= 1 + view.sentiment / 2;
  }
  const negative = 1 - calm;
  if (negative >= 0.3) return { polarity: 'negative', intensity: round(negative), cues };
  if (positive.length > 0 || view.sentiment >= 0.4) {
    return { polarity: 'positive', intensity: round(Math.min(1, 0.3 + 0.2 * positive.length + Math.max(0, view.sentiment) / 2)), cues: positive };
  }
  return { polarity: 'neutral', intensity: round(negative), cues };
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

const positiveCache = new Map<string, RegExp>();

/** English positive words match whole words only ("ok" is not in "booking"); Chinese has no word spaces. */
function positiveWords(language: string, words: string[]): RegExp {
  let re = positiveCache.get(language);
  if (!re) {
    const alternation = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
    re = new RegExp(language === 'en' ? `\\b(?:${alternation})\\b` : `(?:${alternation})`, 'gu');
    positiveCache.set(language, re);
  }
  return re;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
