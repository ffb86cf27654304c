// Explicit apology words. An apology is not by itself acknowledgement: see acknowledgement.yml.
import type { TurnDetector } from '../types.js';
import { loadLexicon } from '../../language/lexicon.js';
import { detectionOf, firstPhrase } from '../phrases.js';

const description = 'apologises with explicit words';

const apology: TurnDetector = {
  meta: { id: 'apology', kind: 'move', description },
  detect({ view, kit }) {
    const match = firstPhrase(loadLexicon(kit.language, 'apology'), view, kit);
    return match && detectionOf('apology', match, description);
  },
};
export default apology;
