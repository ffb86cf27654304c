import type { Language } from '../model/conversation.js';
import type { LanguageKit } from './text-view.js';
import { createEnglishKit } from './english.js';
import { createChineseKit } from './chinese.js';

const kits = new Map<Language, LanguageKit>();

/** One kit per language per process: models and lexicons load on first use only. */
export function languageKit(language: Language): LanguageKit {
  let kit = kits.get(language);
  if (!kit) {
    kit = language === 'en' ? createEnglishKit() : createChineseKit();
    kits.set(language, kit);
  }
  return kit;
}

export { detectLanguage } from './detect-language.js';
export type { LanguageKit, TextView, Sentence } from './text-view.js';
