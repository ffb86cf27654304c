import type { Language } from '../model/conversation.js';
import type { Lexicon } from './lexicon.js';
import type { PhraseKey, PhraseOverrides } from '../config/defaults.js';

export interface Sentence {
  /** Verbatim, for evidence. */
  text: string;
  /** Normalised for matching: lower case, simplified Chinese, placeholders for links and redactions. */
  norm: string;
  /** Content words of this sentence (see TextView.words). */
  words: string[];
}

/** One turn's text prepared once, so that no detector tokenises it again. */
export interface TextView {
  language: Language;
  text: string;
  norm: string;
  sentences: Sentence[];
  /** Content words of the whole text (English lemmas without stopwords, Chinese word segments), for overlap. */
  words: string[];
  /** Model sentiment of the whole text, -1..1 (0 where the language has no model). */
  sentiment: number;
}

export interface LanguageKit {
  language: Language;
  /** The phrase lists of this language, by name (lexicons/<lang>/<name>.yml). */
  lexicon(name: string): Lexicon;
  view(text: string): TextView;
  /** True when the words before `index` in the clause negate what follows. */
  isNegated(norm: string, index: number): boolean;
}

/** What a config changes in a kit: its phrase lists, and (Chinese) words the segmenter must keep whole. */
export interface KitOptions {
  phrases?: Partial<Record<PhraseKey, PhraseOverrides>>;
  dictionary?: string[];
}

/** Redaction tokens of exports ([PII], [数字x], ***) must never count as shared content. */
// Covers JDDC-style [数字x], Contact Lens [PII], DLP-style [PHONE_NUMBER] / [PERSON_NAME], Chinese field names
// ([手机号], [姓名]) and masking runs (***).
export const REDACTION =
  /\[(?:[^\]\s]{1,12}x|pii|redacted|name|email|phone|number|[a-z]+(?:_[a-z]+)+|手机号|电话|姓名|地址|身份证号?|订单号|邮箱|银行卡号?)\]|\*{3,}|<(?:pii|redacted)>/giu;
