// Chinese: traditional folded to simplified for matching (the original text is kept for evidence),
// words from Intl.Segmenter, one turn at a time (its cost grows steeply on very long strings).
import { createRequire } from 'node:module';
import type { LanguageKit, TextView } from './text-view.js';
import { REDACTION } from './text-view.js';
import { loadLexicon } from './lexicon.js';

let toSimplified: ((text: string) => string) | undefined;

function simplifier(): (text: string) => string {
  if (!toSimplified) {
    const require = createRequire(import.meta.url);
    const opencc = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): (t: string) => string };
    toSimplified = opencc.Converter({ from: 't', to: 'cn' });
  }
  return toSimplified;
}

// Chat agents often separate sentences with spaces alone, so a space between Han characters ends one too.
const SENTENCE_END = /(?<=[。！？!?；;…~～\n])|(?<=\.)\s+|\s{2,}|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u;
const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
const NEGATION = /(?:不|没|沒|无法|無法|别|未|不能|不会|不可以|不行|无)$/u;
const CLAUSE_BREAK = /[，,。！？!?；;：:\s]/u;

export function normaliseChinese(text: string): string {
  return simplifier()(text)
    .replace(URL_RE, '<url>')
    .replace(REDACTION, '<x>')
    .replace(/[\uFF01-\uFF5E]/gu, (c) => (/[！？，。；：]/u.test(c) ? c : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function segmentWords(norm: string, stopwords: Set<string>): string[] {
  const words: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(norm.replace(/<(?:url|x)>/gu, ' '))) {
    // Single Han characters are mostly particles and function words; keep them out of overlap.
    if (isWordLike && !stopwords.has(segment) && (segment.length > 1 || /[a-z0-9]/u.test(segment))) words.push(segment);
  }
  return words;
}

export function createChineseKit(): LanguageKit {
  const stopwords = new Set(loadLexicon('zh', 'stopwords').lists.words ?? []);
  return {
    language: 'zh',
    view(text: string): TextView {
      const sentences = text
        .split(SENTENCE_END)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          const norm = normaliseChinese(s);
          return { text: s, norm, words: segmentWords(norm, stopwords) };
        });
      const words = sentences.flatMap((s) => s.words);
      return { language: 'zh', text, norm: sentences.map((s) => s.norm).join(' '), sentences, words, sentiment: 0 };
    },
    isNegated(norm: string, index: number): boolean {
      const before = norm.slice(Math.max(0, index - 6), index);
      const clause = before.split(CLAUSE_BREAK).pop() ?? '';
      return NEGATION.test(clause) || /(?:不|没|无法|不能)/u.test(clause.slice(-3));
    },
  };
}
