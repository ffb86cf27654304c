// Configured phrases merged with a built-in lexicon: added entries after the built-in ones (so built-in rules
// keep their precedence), ignored entry ids dropped, ignored phrases blanked out before matching.
import type { Language } from '../model/conversation.js';
import type { Lexicon, LexiconEntry } from '../language/lexicon.js';
import { PHRASE_LEXICONS } from './defaults.js';
import { escapeRegExp } from '../regexp.js';
import type { PhraseKey, PhraseOverrides, PhraseSpec } from './defaults.js';

/** How the kit normalises a sentence for matching (lower case, simplified Chinese, ...). */
export type Normalise = (text: string) => string;


/**
 * A literal phrase as a pattern over normalised sentences: normalised the same way, escaped, and in English
 * bounded by non-letters so "ok" does not match in "booking".
 */
export function literalPattern(phrase: string, language: Language, normalise: Normalise): string {
  const body = escapeRegExp(normalise(phrase)).replace(/ /gu, '\\s+');
  if (language !== 'en') return body;
  const start = /^[\p{L}\p{N}]/u.test(normalise(phrase)) ? '(?<![\\p{L}\\p{N}])' : '';
  const end = /[\p{L}\p{N}]$/u.test(normalise(phrase)) ? '(?![\\p{L}\\p{N}])' : '';
  return `${start}${body}${end}`;
}

/** One configured phrase as a lexicon entry. Patterns were validated when the config was loaded. */
export function phraseEntry(spec: PhraseSpec, language: Language, normalise: Normalise, negatable: boolean): LexiconEntry {
  const base = { weight: 0.6, negatable, origin: 'config' as const };
  if (typeof spec === 'string') return { ...base, id: spec, re: new RegExp(literalPattern(spec, language, normalise), 'u'), note: 'a phrase added by the config' };
  if ('regex' in spec) return { ...base, id: spec.id ?? spec.regex, re: new RegExp(spec.regex, 'u'), note: spec.note ?? 'a pattern added by the config' };
  return { ...base, id: spec.id ?? spec.phrase, re: new RegExp(literalPattern(spec.phrase, language, normalise), 'u'), note: spec.note ?? 'a phrase added by the config' };
}

/** The phrase keys whose overrides touch the lexicon file `name`. */
export function keysOfLexicon(name: string): PhraseKey[] {
  return (Object.keys(PHRASE_LEXICONS) as PhraseKey[]).filter((key) => PHRASE_LEXICONS[key].includes(name));
}

/**
 * The lexicon `name` with the language's overrides applied. Added phrases join the first lexicon of their key
 * (negative_language → negative-language, not refusal); `ignore` applies to every lexicon of the key. An ignore
 * item that is an entry id in any of the key's lexicons (or an added entry's id) drops that entry; any other
 * item is a phrase.
 */
export function configureLexicon(
  base: Lexicon,
  overrides: Partial<Record<PhraseKey, PhraseOverrides>>,
  normalise: Normalise,
  load: (name: string) => Lexicon,
): Lexicon {
  const keys = keysOfLexicon(base.name).filter((key) => overrides[key]);
  if (keys.length === 0) return base;
  let entries = [...base.entries];
  const ignore: LexiconEntry[] = [...(base.ignore ?? [])];
  for (const key of keys) {
    const { add, ignore: ignored } = overrides[key]!;
    const added = add.map((spec) => phraseEntry(spec, base.language, normalise, base.negatable));
    if (PHRASE_LEXICONS[key][0] === base.name) entries.push(...added);
    const ids = new Set([...PHRASE_LEXICONS[key].flatMap((name) => (name === base.name ? base : load(name)).entries.map((e) => e.id)), ...added.map((e) => e.id)]);
    const dropped = new Set(ignored.filter((item) => ids.has(item)));
    entries = entries.filter((e) => !dropped.has(e.id));
    for (const phrase of ignored.filter((item) => !ids.has(item))) {
      ignore.push({ id: phrase, re: new RegExp(literalPattern(phrase, base.language, normalise), 'u'), weight: 0, negatable: false, origin: 'config' });
    }
  }
  return { ...base, entries, ignore };
}

/** A kit's `lexicon(name)`: the built-in list, with the overrides applied when there are any (cached per kit). */
export function lexiconSource(
  language: Language,
  overrides: Partial<Record<PhraseKey, PhraseOverrides>> | undefined,
  normalise: Normalise,
  load: (language: Language, name: string) => Lexicon,
): (name: string) => Lexicon {
  const configured = overrides && Object.keys(overrides).length > 0 ? overrides : undefined;
  // Asked for once per detector and sentence: a map by name is cheaper than the loader's own cache key.
  const cache = new Map<string, Lexicon>();
  return (name) => {
    let lexicon = cache.get(name);
    if (!lexicon) {
      const builtIn = load(language, name);
      lexicon = configured ? configureLexicon(builtIn, configured, normalise, (n) => load(language, n)) : builtIn;
      cache.set(name, lexicon);
    }
    return lexicon;
  };
}
