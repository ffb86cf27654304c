import type { Language } from '../model/conversation.js';
import type { KitOptions, LanguageKit } from './text-view.js';
import type { Settings } from '../config/defaults.js';
import { stableJson } from '../config/resolve.js';
import { createEnglishKit } from './english.js';
import { createChineseKit } from './chinese.js';

const kits = new Map<string, LanguageKit>();

/**
 * One kit per language and rubric per process: models and lexicons load on first use only. The settings'
 * phrases for the language (and, for Chinese, its dictionary) make a kit of their own; the defaults share one.
 */
export function languageKit(language: Language, settings?: Settings): LanguageKit {
  const options: KitOptions = {};
  const phrases = settings?.phrases[language];
  if (phrases && Object.keys(phrases).length) options.phrases = phrases;
  if (language === 'zh' && settings?.language.dictionary.zh.length) options.dictionary = settings.language.dictionary.zh;
  const key = `${language}:${stableJson(options)}`;
  let kit = kits.get(key);
  if (!kit) {
    kit = language === 'en' ? createEnglishKit(options) : createChineseKit(options);
    kits.set(key, kit);
  }
  return kit;
}

export { detectLanguage } from './detect-language.js';
export type { KitOptions, LanguageKit, TextView, Sentence } from './text-view.js';
