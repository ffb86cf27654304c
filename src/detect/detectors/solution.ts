// A concrete action, option or next step. Negated phrases ("we can't refund") do not count.
import type { TurnDetector } from '../types.js';
import { detectionOf, matchPhrases } from '../phrases.js';

const description = "offers a concrete action, option or next step on the customer's issue";

const solution: TurnDetector = {
  meta: { id: 'solution', kind: 'move', description },
  detect({ view, kit }) {
    const matches = matchPhrases(kit.lexicon('solution'), view, kit);
    if (matches.length === 0) return undefined;
    const options = matches.find((m) => m.entry.id === 'options' || m.entry.id === 'suggest');
    const detection = detectionOf('solution', options ?? matches[0]!, description);
    // Offering choices is the stronger form: say so, so reports can credit it.
    return matches.length > 1 ? { ...detection, why: `${detection.why} (${matches.length} steps or options offered)` } : detection;
  },
};
export default solution;
