// Chinese: traditional folded to simplified for matching (the original text is kept for evidence),
// words from Intl.Segmenter, one turn at a time (its cost grows steeply on very long strings).
import { createRequire } from 'node:module';
import type { LanguageKit, TextView } from './text-view.js';
import { REDACTION } from './text-view.js';
import { loadLexicon } from './lexicon.js';
import { lexiconSource } from '../config/phrases.js';
import type { KitOptions } from './text-view.js';

let toSimplified: ((text: string) => string) | undefined;

function simplifier(): (text: string) => string {
  if (!toSimplified) {
    const require = createRequire(import.meta.url);
    const opencc = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): (t: string) => string };
    toSimplified = opencc.Converter({ from: 't', to: 'cn' });
  }
  return toSimplified;
}

// A run of end marks (？？？, 。。。) stays with its sentence. Chat agents often separate sentences with spaces
// alone, so a space between Han characters ends one too,
// except after a word that cannot end a clause (帮您 联系下站点 is one sentence broken by a stray space).
// Weibo replies end sentences with a half-width "." and no space (非常抱歉.我们会……).
const SENTENCE_END =
  /(?<=[。！？!?；;…~～\n])(?![。！？!?；;…~～\n])|(?<=\.)\s+|(?<=\p{Script=Han}\.)(?=[^\d\s.])|\s{2,}|(?<=\p{Script=Han})(?<![帮给为替幫給為]您|[帮给为替幫給為]你|[把和跟与向将从與將從])\s+(?=\p{Script=Han})/u;
const URL_RE = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
// A negator close before the phrase, in the same clause: 无法为您补发, 没有办法为您取消, 不能帮您退.
const NEGATOR_NEAR = /(?:不|没|无|未|别|勿|莫)[^不没无未别勿莫]{0,3}$/u;
// Words that contain a negator but negate nothing that follows (不好意思为您…, 不断为您…).
const NOT_NEGATING = /不好意思|不客气|不用客气|不便|不断|不错|不少|不久|不同|不过|不仅|不如|无论|不管|无误|没问题|没有问题|没关系|特别|分别|区别|个别|识别|级别/gu;
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

// Made on first use: building it loads ICU's Chinese dictionary (about 20 ms), which an English run never needs.
let segmenter: Intl.Segmenter | undefined;

function segmentWords(norm: string, stopwords: Set<string>, dictionary?: Dictionary): string[] {
  const words: string[] = [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const segments = segmenter.segment(norm.replace(/<(?:url|x)>/gu, ' '));
  for (const { segment, isWordLike } of dictionary ? mergeDictionaryWords([...segments], dictionary) : segments) {
    // Single Han characters are mostly particles and function words; keep them out of overlap.
    if (isWordLike && !stopwords.has(segment) && (segment.length > 1 || /[a-z0-9]/u.test(segment))) words.push(segment);
  }
  return words;
}

interface Dictionary {
  words: Set<string>;
  /** The longest word, in UTF-16 units: no merge is tried beyond it. */
  longest: number;
}

/**
 * Intl.Segmenter takes no user dictionary: a configured word it splits (荣耀/手环) is put back together by
 * merging the longest run of adjacent segments that spells a listed word.
 */
export function mergeDictionaryWords(segments: readonly { segment: string; isWordLike?: boolean }[], dictionary: Dictionary): { segment: string; isWordLike?: boolean }[] {
  const out: { segment: string; isWordLike?: boolean }[] = [];
  for (let i = 0; i < segments.length; ) {
    let joined = '';
    let end = -1;
    for (let j = i; j < segments.length; j++) {
      joined += segments[j]!.segment;
      if (joined.length > dictionary.longest) break;
      if (j > i && dictionary.words.has(joined)) end = j;
    }
    if (end < 0) {
      out.push(segments[i]!);
      i++;
    } else {
      out.push({ segment: segments.slice(i, end + 1).map((s) => s.segment).join(''), isWordLike: true });
      i = end + 1;
    }
  }
  return out;
}

export function createChineseKit(options: KitOptions = {}): LanguageKit {
  const stopwords = new Set(loadLexicon('zh', 'stopwords').lists.words ?? []);
  const words = (options.dictionary ?? []).map((w) => normaliseChinese(w)).filter((w) => w.length > 1);
  const dictionary = words.length ? { words: new Set(words), longest: Math.max(...words.map((w) => w.length)) } : undefined;
  return {
    language: 'zh',
    lexicon: lexiconSource('zh', options.phrases, normaliseChinese, loadLexicon),
    view(text: string): TextView {
      const sentences = text
        .split(SENTENCE_END)
        .map((s) => s.trim())
        .filter(Boolean)
        .map((s) => {
          const norm = normaliseChinese(s);
          return { text: s, norm, words: segmentWords(norm, stopwords, dictionary) };
        });
      const words = sentences.flatMap((s) => s.words);
      return { language: 'zh', text, norm: sentences.map((s) => s.norm).join(' '), sentences, words, sentiment: 0 };
    },
    isNegated(norm: string, index: number): boolean {
      const before = norm.slice(Math.max(0, index - 8), index);
      const clause = (before.split(CLAUSE_BREAK).pop() ?? '').replace(NOT_NEGATING, '·');
      return NEGATOR_NEAR.test(clause);
    },
  };
}
