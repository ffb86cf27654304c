// Blame, defensiveness, dismissal — and refusals, but only when the turn offers no alternative.
import type { TurnDetector } from '../types.js';
import { detectionOf, firstPhrase } from '../phrases.js';

const description = 'blaming, defensive, dismissive or curt language toward the customer';

const negativeLanguage: TurnDetector = {
  meta: { id: 'negative_language', kind: 'flag', description },
  detect({ view, kit, found }) {
    const match = firstPhrase(kit.lexicon('negative-language'), view, kit);
    if (match) return detectionOf('negative_language', match, description);
    if (found.has('solution')) return undefined;
    const refusal = firstPhrase(kit.lexicon('refusal'), view, kit);
    return refusal && detectionOf('negative_language', refusal, 'a refusal that offers the customer no alternative');
  },
};
export default negativeLanguage;
