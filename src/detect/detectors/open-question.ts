// A question that invites the customer to explain; yes/no questions and "anything else?" do not count.
import type { TurnDetector } from '../types.js';
import { loadLexicon } from '../../language/lexicon.js';
import { detectionOf, firstPhrase } from '../phrases.js';

const description = 'asks an open question that invites the customer to describe or explain';

const openQuestion: TurnDetector = {
  meta: { id: 'open_question', kind: 'move', description },
  detect({ view, kit }) {
    const match = firstPhrase(loadLexicon(kit.language, 'open-question'), view, kit);
    return match && detectionOf('open_question', match, description);
  },
};
export default openQuestion;
