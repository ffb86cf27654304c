// Runs one detector on one agent turn of a test conversation (test/helpers/conversation.ts), as the analyzer does.
import type { Conversation, Language } from '../../src/model/conversation.js';
import type { Detection } from '../../src/model/analysis.js';
import { turnDetectors, type TurnDetector } from '../../src/detect/index.js';
import type { TextView } from '../../src/language/index.js';
import { detectLanguage, languageKit } from '../../src/language/index.js';

/**
 * The last agent turn unless `index` is given; the customer turns before it are the context, and `found` holds
 * what the detectors that run earlier in the registry find in the turn (unless the test sets it).
 */
export function detect(detector: TurnDetector, conv: Conversation, options: { index?: number; found?: string[]; language?: Language } = {}): Detection | undefined {
  const language = options.language ?? conv.language ?? detectLanguage(conv.turns.map((t) => t.text));
  const kit = languageKit(language);
  const index = options.index ?? Math.max(...conv.turns.filter((t) => t.role === 'agent').map((t) => t.index));
  const turn = conv.turns[index];
  if (!turn || turn.role !== 'agent') throw new Error(`turn ${index} is not an agent turn`);
  const customerBefore: TextView[] = conv.turns.filter((t) => t.index < index && t.role === 'customer').map((t) => kit.view(t.text));
  const view = kit.view(turn.text);
  const found = new Set<string>(options.found ?? []);
  if (!options.found) {
    for (const earlier of turnDetectors.slice(0, turnDetectors.indexOf(detector))) {
      const d = earlier.detect({ turn, view, kit, customerBefore, found: found as Set<never> });
      if (d) found.add(d.id);
    }
  }
  return detector.detect({ turn, view, kit, customerBefore, found: found as Set<never> });
}

/** A RuleTester-style case: the script, and the sentence the detector must quote (valid) or nothing (invalid). */
export interface Case {
  lines: string[];
  quote?: string;
  found?: string[];
}
