// English: wink-nlp (tokens, lemmas, sentences, sentiment), loaded once and only when English text is seen.
import { createRequire } from 'node:module';
import type { LanguageKit, Sentence, TextView } from './text-view.js';
import { REDACTION } from './text-view.js';
import { loadLexicon } from './lexicon.js';
import { lexiconSource } from '../config/phrases.js';
import type { KitOptions } from './text-view.js';

type WinkItemFn = unknown;
interface WinkTokens {
  out(f?: WinkItemFn): unknown[];
}
interface WinkDoc {
  sentences(): { out(f?: WinkItemFn): unknown[] };
  tokens(): WinkTokens;
  out(f?: WinkItemFn): string | number;
}
interface WinkNlp {
  readDoc(text: string): WinkDoc;
  its: { lemma: WinkItemFn; sentiment: WinkItemFn; span: WinkItemFn };
}

let nlp: WinkNlp | undefined;

function wink(): WinkNlp {
  if (!nlp) {
    // The model is CommonJS and takes about 250 ms to load: require it lazily, never at start-up.
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkNlp;
    // Only what heard reads: sentences, POS (for lemmas) and sentiment; named entities and wink's own
    // negation would cost a fifth of the time for nothing.
    nlp = winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos', 'sentiment']);
  }
  return nlp;
}

const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
// wink reads http(s) links as one token, so they stay in the sentence ("follow the steps here: <url>" needs to see
// the link); bare www. links it splits into sentences, so those are removed before wink reads the text.
const BARE_WWW = /(^|\s)www\.\S+/giu;
const LINK_TOKEN = /^(?:https?:|www\.)|\//u;
const HANDLE = /(^|\s)@\w+/gu;
const NEGATION = /\b(?:not|no|never|cannot|can't|can ?not|won't|don't|doesn't|didn't|isn't|aren't|wasn't|unable to|nothing|neither|nor)\b|n't\b/u;
const CLAUSE_BREAK = /[,.;:!?]|\b(?:but|however|although|though|and)\b/giu;

export function normaliseEnglish(text: string): string {
  return ` ${text}`
    .replace(/[’‘`]/gu, "'")
    .replace(/[“”]/gu, '"')
    .replace(URL_RE, ' <url> ')
    .replace(HANDLE, '$1')
    .replace(REDACTION, ' <x> ')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

export function createEnglishKit(options: KitOptions = {}): LanguageKit {
  const { readDoc, its } = ((n) => ({ readDoc: n.readDoc.bind(n), its: n.its }))(wink());
  const stopwords = new Set(loadLexicon('en', 'stopwords').lists.words ?? []);
  // wink gives no lemma (undefined) for a few contracted tokens ("didnt", "cannot"): they carry no content anyway.
  const contentWords = (lemmas: (string | undefined)[]) =>
    lemmas.map((w) => (w ?? '').toLowerCase()).filter((w) => /\p{L}/u.test(w) && w.length > 1 && !stopwords.has(w) && !LINK_TOKEN.test(w));
  return {
    language: 'en',
    lexicon: lexiconSource('en', options.phrases, normaliseEnglish, loadLexicon),
    view(text: string): TextView {
      // wink reads the text with handles and redactions removed, so they never become "content"; links are
      // filtered out of the content words instead.
      const doc = readDoc(text.replace(BARE_WWW, '$1').replace(REDACTION, ' ').replace(HANDLE, '$1'));
      // Read out in bulk (every sentence's text and token span, every token's lemma): wink's per-item
      // accessors cost more than its tagging.
      const texts = doc.sentences().out() as string[];
      const spans = doc.sentences().out(its.span) as [number, number][];
      const lemmas = doc.tokens().out(its.lemma) as (string | undefined)[];
      const sentences: Sentence[] = [];
      texts.forEach((sentence, i) => {
        const raw = sentence.trim();
        const [first, last] = spans[i]!;
        if (raw) sentences.push({ text: raw, norm: normaliseEnglish(raw), words: contentWords(lemmas.slice(first, last + 1)) });
      });
      if (sentences.length === 0 && text.trim()) sentences.push({ text: text.trim(), norm: normaliseEnglish(text), words: [] });
      const words = sentences.flatMap((s) => s.words);
      // The whole text's normal form is its sentences' (as for Chinese): each is normalised once.
      const norm = sentences.map((s) => s.norm).join(' ');
      return { language: 'en', text, norm, sentences, words, sentiment: Number(doc.out(its.sentiment)) || 0 };
    },
    isNegated(norm: string, index: number): boolean {
      const parts = norm.slice(Math.max(0, index - 40), index).split(CLAUSE_BREAK);
      return NEGATION.test(parts[parts.length - 1] ?? '');
    },
  };
}
