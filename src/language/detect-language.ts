import type { Language } from '../model/conversation.js';

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/**
 * Chinese when Han characters make up a real share of the letters: Chinese chats are full of Latin
 * order codes and product names, English ones rarely carry Han, so the bar for zh is low.
 */
export function detectLanguage(texts: readonly string[]): Language {
  let han = 0;
  let latin = 0;
  for (const text of texts) {
    han += text.match(HAN)?.length ?? 0;
    latin += text.match(LATIN)?.length ?? 0;
  }
  // A Han character carries about as much as a short English word.
  return han * 3 >= latin * 0.5 && han > 0 ? 'zh' : 'en';
}
