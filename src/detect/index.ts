// The detector registry. Order matters: direct-answer runs only where no solution phrase was found, and
// negative_language reads whether a solution was found.
import type { TurnDetector } from './types.js';
import acknowledgement from './detectors/acknowledgement.js';
import apology from './detectors/apology.js';
import paraphrase from './detectors/paraphrase.js';
import solution from './detectors/solution.js';
import directAnswer from './detectors/direct-answer.js';
import openQuestion from './detectors/open-question.js';
import negativeLanguage from './detectors/negative-language.js';

export const turnDetectors: readonly TurnDetector[] = [
  acknowledgement,
  apology,
  paraphrase,
  solution,
  directAnswer,
  openQuestion,
  negativeLanguage,
];

export type { TurnDetector, AgentTurnContext } from './types.js';
export { readEmotion } from './emotion.js';
export { markCanned } from './canned.js';
