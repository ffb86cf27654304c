// Phrase lists are data (lexicons/<lang>/<name>.yml), compiled once into regular expressions.
import { readDataFile } from '../data-file.js';
import type { Language } from '../model/conversation.js';
import { compiledNow } from '../regexp.js';
import type { Script } from '../regexp.js';

export interface LexiconEntry {
  id: string;
  re: RegExp;
  /** Why this phrase counts, printed with the judgement. */
  note?: string;
  /** For emotion lexicons: how strongly the phrase signals the feeling (0..1). */
  weight: number;
  /** A match preceded by a negation in the same clause does not count. */
  negatable: boolean;
  /** Set on entries a config file added (README, "Your rubric"); built-in entries have none. */
  origin?: 'config';
}

export interface Lexicon {
  name: string;
  language: Language;
  description: string;
  entries: LexiconEntry[];
  /** Sentences matching any of these never count, whatever else they match. */
  exclude: LexiconEntry[];
  /** Free-form lists some detectors need (suggested phrasings, stopwords). */
  lists: Record<string, string[]>;
  /** The file's default for `negatable` (entries a config adds inherit it). */
  negatable: boolean;
  /** Phrases a config ignores: blanked out of a sentence before its entries are tried (see maskIgnored). */
  ignore?: LexiconEntry[];
}

interface RawEntry {
  id?: string;
  match: string;
  note?: string;
  weight?: number;
  negatable?: boolean;
}

interface RawLexicon {
  description?: string;
  negatable?: boolean;
  entries?: RawEntry[];
  exclude?: RawEntry[];
  lists?: Record<string, string[]>;
}

const cache = new Map<string, Lexicon>();

/** The script of the normalised sentences each language's patterns run on. */
const SCRIPTS: Record<Language, Script[]> = { en: ['latin', 'cjk'], zh: ['cjk'] };

export function loadLexicon(language: Language, name: string): Lexicon {
  const key = `${language}/${name}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const url = new URL(`./lexicons/${language}/${name}.yml`, import.meta.url);
  const raw = readDataFile(url) as RawLexicon;
  const compile = (entry: RawEntry, i: number): LexiconEntry => {
    if (typeof entry?.match !== 'string') throw new Error(`${key}.yml: entry ${i + 1} has no "match" pattern`);
    let re: RegExp;
    try {
      re = compiledNow(new RegExp(entry.match, 'u'), SCRIPTS[language]);
    } catch (error) {
      throw new Error(`${key}.yml: entry ${entry.id ?? i + 1} has an invalid pattern: ${(error as Error).message}`);
    }
    return {
      id: entry.id ?? entry.match,
      re,
      note: entry.note,
      weight: entry.weight ?? 1,
      negatable: entry.negatable ?? raw.negatable ?? false,
    };
  };
  const lexicon: Lexicon = {
    name,
    language,
    description: raw.description ?? '',
    entries: (raw.entries ?? []).map(compile),
    exclude: (raw.exclude ?? []).map(compile),
    lists: raw.lists ?? {},
    negatable: raw.negatable ?? false,
  };
  cache.set(key, lexicon);
  return lexicon;
}

/**
 * The sentence as the lexicon's entries should see it: phrases the config ignores are blanked out (same length,
 * so match positions still point into the sentence), so "sorry for the inconvenience" can stop counting while
 * the rest of the sentence still can.
 */
export function maskIgnored(lexicon: Lexicon, norm: string): string {
  if (!lexicon.ignore?.length) return norm;
  let out = norm;
  for (const entry of lexicon.ignore) {
    const re = new RegExp(entry.re.source, entry.re.flags.includes('g') ? entry.re.flags : `${entry.re.flags}g`);
    out = out.replace(re, (m) => '\u00b7'.repeat(m.length));
  }
  return out;
}
