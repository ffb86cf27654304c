// In the spirit of ESLint's RuleTester: `valid` cases must be detected (quoting the given sentence),
// `invalid` ones must not.
import { describe, expect, it } from 'vitest';
import type { TurnDetector } from '../../src/detect/index.js';
import { conversation } from './conversation.js';
import { detect, type Case } from './detect.js';

export function ruleTester(detector: TurnDetector, language: string, cases: { valid: Case[]; invalid: Case[] }): void {
  describe(`${detector.meta.id} (${language})`, () => {
    for (const c of cases.valid) {
      it(`finds it in: ${c.lines[c.lines.length - 1]}`, () => {
        const detection = detect(detector, conversation(...c.lines), { found: c.found });
        expect(detection?.id).toBe(detector.meta.id);
        if (c.quote !== undefined) expect(detection?.quote).toBe(c.quote);
      });
    }
    for (const c of cases.invalid) {
      it(`does not find it in: ${c.lines[c.lines.length - 1]}`, () => {
        expect(detect(detector, conversation(...c.lines), { found: c.found })).toBeUndefined();
      });
    }
  });
}
