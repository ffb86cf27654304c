// Recognising the customer's feelings or trouble. Phrases: language/lexicons/<lang>/acknowledgement.yml.
import type { TurnDetector } from '../types.js';
import { loadLexicon } from '../../language/lexicon.js';
import { detectionOf, firstPhrase } from '../phrases.js';

const description = "recognises the customer's feelings, the difficulty of their situation or the inconvenience they suffered";

const acknowledgement: TurnDetector = {
  meta: { id: 'acknowledgement', kind: 'move', description },
  detect({ view, kit }) {
    const match = firstPhrase(loadLexicon(kit.language, 'acknowledgement'), view, kit);
    return match && detectionOf('acknowledgement', match, description);
  },
};
export default acknowledgement;
