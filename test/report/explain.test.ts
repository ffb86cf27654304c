import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/report/annotate.js';
import { formatExplain } from '../../src/report/explain.js';
import { testResults } from './helpers.js';

const rude = testResults()[1]!;

describe('annotate', () => {
  it('puts a missing move at the reply that missed it, a late one at the reply that made it, flags once on their turn', () => {
    const turns = annotate(rude);
    expect(turns.map((t) => t.findings.map((f) => f.kind))).toEqual([[], ['missing'], ['late']]);
    expect(turns[1]!.segments).toEqual([{ text: 'As I said, it is in transit.', marks: ['negative_language'] }]);
  });

  it("marks the customer's words that created the need, and leaves the rest of the turn plain", () => {
    expect(annotate(rude)[0]!.segments[0]).toEqual({ text: 'My parcel is late!', marks: ['need'] });
    expect(annotate(rude)[0]!.segments.slice(1).every((s) => s.marks.length === 0)).toBe(true);
  });
});

describe('heard explain', () => {
  it('prints the transcript turn by turn with moves, flags and missing moves inline', () => {
    const text = formatExplain(rude, { color: false, why: false });
    expect(text).toContain('C-2 · agent Bob · C-2.txt · en');
    expect(text).toContain('acknowledgement missing · paraphrase not_expected · solution late');
    const reply = text.slice(text.indexOf('[1]'), text.indexOf('[2]'));
    expect(reply).toContain('agent: [As I said, it is in transit.]');
    expect(reply).toContain('⚑ negative_language');
    expect(reply).toContain('✗ missing acknowledgement (needed since turn 0)');
    expect(reply).toContain('try: try acknowledgement');
    expect(text).not.toContain('why:');
  });

  it('--why adds a line under every judgement', () => {
    const text = formatExplain(rude, { color: false, why: true });
    expect(text).toContain('why: test negative_language [negative_language.test]');
    expect(text).toContain('why: missing acknowledgement');
    expect(text).toContain('why: test solution [solution.test]');
  });
});
