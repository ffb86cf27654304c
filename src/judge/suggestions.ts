import type { CoreMove } from '../model/analysis.js';
import type { Language } from '../model/conversation.js';
import { loadLexicon } from '../language/lexicon.js';

const MAX_PROBLEM_CHARS = 80;

/** A phrasing in the conversation's language the agent could have used, filled with the customer's words. */
export function suggestion(move: CoreMove, language: Language, customerQuote: string): string {
  const template = loadLexicon(language, 'suggestions').lists[move]?.[0] ?? '';
  const problem = customerQuote.length > MAX_PROBLEM_CHARS ? `${customerQuote.slice(0, MAX_PROBLEM_CHARS)}…` : customerQuote;
  return template.replace('{{problem}}', problem.replace(/[.!?。！？]+$/u, ''));
}
