// The detector registry. Order matters: negative_language reads whether solution was found first.
import type { TurnDetector } from './types.js';
import acknowledgement from './detectors/acknowledgement.js';
import apology from './detectors/apology.js';
import paraphrase from './detectors/paraphrase.js';
import solution from './detectors/solution.js';
import openQuestion from './detectors/open-question.js';
import negativeLanguage from './detectors/negative-language.js';

export const turnDetectors: readonly TurnDetector[] = [acknowledgement, apology, paraphrase, solution, openQuestion, negativeLanguage];

export type { TurnDetector, AgentTurnContext } from './types.js';
export { readEmotion } from './emotion.js';
export { markCanned } from './canned.js';
