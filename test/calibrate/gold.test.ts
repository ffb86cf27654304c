import { describe, expect, it } from 'vitest';
import {
  compareCs,
  compareEsconv,
  compareStc3,
  csErrors,
  esconvErrors,
  esconvGoldLabels,
  evaluateCs,
  evaluateEsconv,
  evaluateStc3,
  parseErrorLabel,
  readGold,
  stc3Errors,
  toGoldStatus,
} from '../../src/calibrate/gold.js';
import type { CsGold, EsconvGold, Stc3Gold } from '../../src/calibrate/gold.js';
import { result, turn } from './helpers.js';

function cs(raw: unknown): CsGold {
  const g = readGold(raw);
  if (g.kind !== 'cs') throw new Error('expected cs gold');
  return g;
}

describe('readGold', () => {
  it('reads the cs-dev shape, turns sorted by index', () => {
    const g = readGold({
      turns: { '3': ['solution'], '1': ['acknowledgement', 'apology'] },
      conversation: { acknowledgement: 'present', paraphrase: 'missing', solution: 'not_needed' },
    });
    expect(g).toEqual({
      kind: 'cs',
      turns: [
        { index: 1, labels: ['acknowledgement', 'apology'] },
        { index: 3, labels: ['solution'] },
      ],
      conversation: { acknowledgement: 'present', paraphrase: 'missing', solution: 'not_needed' },
    });
  });

  it('reads the ESConv and STC-3 shapes', () => {
    expect(readGold({ turn: 4, strategy: 'Questions' })).toEqual({ kind: 'esconv', turn: 4, strategy: 'Questions' });
    expect(readGold({ A: 0.5, S: -1.25, E: null })).toEqual({ kind: 'stc3', A: 0.5, S: -1.25, E: null });
  });

  it('rejects unknown or broken shapes with a reason', () => {
    expect(() => readGold(undefined)).toThrow(/no "gold"/);
    expect(() => readGold({ foo: 1 })).toThrow(/unknown gold shape/);
    expect(() => readGold({ turns: { x: [] } })).toThrow(/turn index/);
    expect(() => readGold({ turns: {}, conversation: { solution: 'maybe' } })).toThrow(/solution/);
    expect(() => readGold({ turn: 1 })).toThrow(/strategy/);
    expect(() => readGold({ S: 'high' })).toThrow(/gold.S/);
  });
});

describe('status mapping', () => {
  it('maps late to present and not_expected to not_needed', () => {
    expect(toGoldStatus('present')).toBe('present');
    expect(toGoldStatus('late')).toBe('present');
    expect(toGoldStatus('missing')).toBe('missing');
    expect(toGoldStatus('not_expected')).toBe('not_needed');
  });
});

// Two conversations, hand-scored below.
const c1 = compareCs(
  result(
    'c1',
    [
      turn(0, 'customer', 'My parcel is late again, this is so frustrating.'),
      turn(1, 'agent', 'Sorry to hear that. What happened with the delivery?', ['acknowledgement', 'apology', 'open_question']),
      turn(2, 'customer', 'It never arrived.'),
      turn(3, 'agent', 'That is how it is.', [], ['negative_language']),
    ],
    { acknowledgement: 'present', paraphrase: 'missing', solution: 'missing' },
    {
      findings: [
        {
          kind: 'missing',
          move: 'solution',
          turn: 2,
          message: 'No way forward offered.',
          evidence: { customer: 'It never arrived.' },
        },
      ],
    },
  ),
  cs({
    turns: { '1': ['acknowledgement', 'apology'], '3': ['solution'] },
    conversation: { acknowledgement: 'present', paraphrase: 'missing', solution: 'present' },
  }),
);
const c2 = compareCs(
  result(
    'c2',
    [turn(0, 'customer', 'How do I reset my password?'), turn(1, 'agent', 'Try the reset link, we understand.', ['solution', 'acknowledgement'])],
    { acknowledgement: 'late', paraphrase: 'not_expected', solution: 'present' },
  ),
  cs({
    // Turn 5 does not exist in the analysed result: counted, predicted nothing.
    turns: { '1': ['solution'], '5': [] },
    conversation: { acknowledgement: 'missing', paraphrase: 'not_needed', solution: 'present' },
  }),
);

describe('cs-dev comparison', () => {
  const e = evaluateCs([c1, c2]);
  const label = (l: string) => e.labels.find((x) => x.label === l)!;

  it('counts turn labels over every gold agent turn (moves and flags)', () => {
    expect(e.conversations).toBe(2);
    expect(e.turns).toBe(4);
    expect(e.unmatchedTurns).toBe(1);
    expect(label('acknowledgement').counts).toEqual({ tp: 1, fp: 1, fn: 0, tn: 2 });
    expect(label('acknowledgement').precision).toBe(0.5);
    expect(label('acknowledgement').recall).toBe(1);
    expect(label('acknowledgement').f1).toBeCloseTo(2 / 3, 10);
    expect(label('apology').counts).toEqual({ tp: 1, fp: 0, fn: 0, tn: 3 });
    expect(label('solution').counts).toEqual({ tp: 1, fp: 0, fn: 1, tn: 2 });
    expect(label('solution').precision).toBe(1);
    expect(label('solution').recall).toBe(0.5);
    expect(label('open_question')).toMatchObject({ precision: 0, recall: null, f1: 0 });
    expect(label('negative_language').counts).toEqual({ tp: 0, fp: 1, fn: 0, tn: 3 });
    // Neither side ever saw a paraphrase: all undefined.
    expect(label('paraphrase')).toMatchObject({ precision: null, recall: null, f1: null, kappa: null });
  });

  it('scores "missing" findings per conversation', () => {
    const m = (move: string) => e.missing.find((x) => x.move === move)!;
    // c2: gold missing, analyzer late → a missed "missing".
    expect(m('acknowledgement').counts).toEqual({ tp: 0, fp: 0, fn: 1, tn: 1 });
    expect(m('acknowledgement')).toMatchObject({ precision: null, recall: 0 });
    expect(m('paraphrase')).toMatchObject({ precision: 1, recall: 1 });
    // c1: gold present, analyzer missing → a false "missing".
    expect(m('solution').counts).toEqual({ tp: 0, fp: 1, fn: 0, tn: 1 });
    expect(m('solution')).toMatchObject({ precision: 0, recall: null });
  });

  it('computes the 3x3 status agreement', () => {
    const s = (move: string) => e.status.find((x) => x.move === move)!;
    expect(s('acknowledgement').accuracy).toBe(0.5);
    expect(s('acknowledgement').matrix.counts.missing.present).toBe(1);
    expect(s('acknowledgement').matrix.counts.present.present).toBe(1);
    expect(s('paraphrase').accuracy).toBe(1);
    expect(s('paraphrase').matrix.counts.not_needed.not_needed).toBe(1);
    expect(s('solution').accuracy).toBe(0.5);
    expect(s('solution').n).toBe(2);
  });

  it('is all n/a on an empty set', () => {
    const empty = evaluateCs([]);
    expect(empty.turns).toBe(0);
    expect(empty.labels.every((l) => l.f1 === null && l.kappa === null)).toBe(true);
    expect(empty.missing.every((m) => m.precision === null && m.recall === null)).toBe(true);
    expect(empty.status.every((s) => s.accuracy === null)).toBe(true);
  });

  it('lists turn-level disagreements with gold, predicted and texts', () => {
    const r = csErrors([c1, c2], 'acknowledgement', 10);
    expect(r).toMatchObject({ label: 'acknowledgement', total: 1, fp: 1, fn: 0 });
    expect(r.examples[0]).toMatchObject({
      id: 'c2',
      turn: 1,
      kind: 'fp',
      gold: 'solution',
      predicted: 'solution, acknowledgement',
      text: 'Try the reset link, we understand.',
      customer: 'How do I reset my password?',
      note: 'rule acknowledgement.test: "Try the reset link, we understand."',
    });
    const fn = csErrors([c1, c2], 'solution:fn', 10);
    expect(fn.examples).toHaveLength(1);
    expect(fn.examples[0]).toMatchObject({ id: 'c1', turn: 3, kind: 'fn', predicted: 'negative_language' });
    expect(fn.examples[0]!.customer).toBe('It never arrived.');
  });

  it('limits the examples but counts them all', () => {
    const r = csErrors([c1, c2], 'open_question', 0);
    expect(r.total).toBe(1);
    expect(r.examples).toHaveLength(0);
  });

  it('lists conversation-level "missing" disagreements', () => {
    const fp = csErrors([c1, c2], 'missing-solution', 10);
    expect(fp).toMatchObject({ total: 1, fp: 1, fn: 0 });
    // The need the analyzer saw, and the agent turn the labellers credited with a solution.
    expect(fp.examples[0]).toMatchObject({
      id: 'c1',
      kind: 'fp',
      gold: 'present',
      predicted: 'missing',
      turn: 2,
      customer: 'It never arrived.',
      text: 'That is how it is.',
      note: 'labellers saw solution in agent turn 3',
    });
    // The agent turn the analyzer wrongly credited.
    const fn = csErrors([c1, c2], 'missing-acknowledgement', 10);
    expect(fn.examples[0]).toMatchObject({
      id: 'c2',
      kind: 'fn',
      gold: 'missing',
      predicted: 'late',
      turn: 1,
      text: 'Try the reset link, we understand.',
    });
    // No need seen at all: the customer's turns are shown.
    const c3 = compareCs(
      result('c3', [turn(0, 'customer', 'Still broken.'), turn(1, 'agent', 'OK.'), turn(2, 'customer', 'Ugh.')]),
      cs({ turns: { '1': [] }, conversation: { acknowledgement: 'missing' } }),
    );
    expect(csErrors([c3], 'missing-acknowledgement', 10).examples[0]).toMatchObject({
      kind: 'fn',
      predicted: 'not_expected',
      customer: 'Still broken. | Ugh.',
      note: 'analyzer saw no need for acknowledgement',
    });
  });

  it('explains labels it does not know', () => {
    expect(csErrors([c1], 'empathy', 5).note).toMatch(/not a label/);
    expect(csErrors([c1], 'missing-apology', 5).note).toMatch(/not a core move/);
  });

  it('parses label:side', () => {
    expect(parseErrorLabel('solution')).toEqual({ label: 'solution' });
    expect(parseErrorLabel('missing-solution:fp')).toEqual({ label: 'missing-solution', side: 'fp' });
  });
});

describe('ESConv comparison', () => {
  const g = (turn: number, strategy: string): EsconvGold => ({ kind: 'esconv', turn, strategy });
  const ctx = (id: string, text: string, moves: Parameters<typeof turn>[3]) =>
    result(id, [turn(0, 'customer', 'I feel so alone since I moved.'), turn(1, 'agent', 'Hello'), turn(2, 'agent', text, moves)]);
  const items = [
    compareEsconv(ctx('e1', 'What has been hardest?', ['open_question']), g(2, 'Questions')),
    compareEsconv(ctx('e2', 'You feel lonely since you moved.', ['acknowledgement', 'paraphrase']), g(2, 'Reflection of feelings')),
    compareEsconv(ctx('e3', 'Maybe join a club?', []), g(2, 'Providing Suggestions')),
    compareEsconv(ctx('e4', 'I moved too once.', ['solution']), g(2, 'Self-disclosure')),
    compareEsconv(ctx('e5', 'You are doing great.', ['apology']), g(2, 'Affirmation and Reassurance')),
  ];
  const e = evaluateEsconv(items);
  const label = (l: string) => e.labels.find((x) => x.label === l)!;

  it('maps strategies onto moves', () => {
    expect(esconvGoldLabels('Reflection of feelings')).toEqual(['acknowledgement']);
    expect(esconvGoldLabels('Affirmation and Reassurance')).toEqual(['acknowledgement']);
    expect(esconvGoldLabels('Restatement or Paraphrasing')).toEqual(['paraphrase']);
    expect(esconvGoldLabels('Providing Suggestions')).toEqual(['solution']);
    expect(esconvGoldLabels('Questions')).toEqual(['open_question']);
    expect(esconvGoldLabels('Question')).toEqual(['open_question']);
    expect(esconvGoldLabels('Information')).toEqual([]);
    expect(esconvGoldLabels('Other')).toEqual([]);
  });

  it('scores one-vs-rest on the labelled turn only', () => {
    expect(e.turns).toBe(5);
    expect(e.unmatchedTurns).toBe(0);
    expect(label('acknowledgement').counts).toEqual({ tp: 1, fp: 0, fn: 1, tn: 3 });
    // The extra paraphrase on a "Reflection of feelings" turn is charged as a false positive.
    expect(label('paraphrase').counts).toEqual({ tp: 0, fp: 1, fn: 0, tn: 4 });
    expect(label('solution')).toMatchObject({ precision: 0, recall: 0, f1: 0 });
    expect(label('open_question')).toMatchObject({ precision: 1, recall: 1, f1: 1, kappa: 1 });
  });

  it('breaks predictions down by strategy', () => {
    const row = e.byStrategy.find((r) => r.strategy === 'Reflection of feelings')!;
    expect(row.n).toBe(1);
    expect(row.rates).toEqual({ acknowledgement: 1, paraphrase: 1, solution: 0, open_question: 0 });
  });

  it('lists disagreements with the strategy as gold', () => {
    const r = esconvErrors(items, 'solution', 10);
    expect(r).toMatchObject({ fp: 1, fn: 1, total: 2 });
    expect(r.examples.map((x) => [x.id, x.kind, x.gold])).toEqual([
      ['e3', 'fn', 'Providing Suggestions'],
      ['e4', 'fp', 'Self-disclosure'],
    ]);
    expect(r.examples[0]!.customer).toBe('I feel so alone since I moved.');
    expect(esconvErrors(items, 'negative_language', 10).note).toMatch(/not evaluated/);
  });

  it('counts a labelled turn the analyzer did not return', () => {
    const c = compareEsconv(ctx('e6', 'x', []), g(7, 'Questions'));
    expect(c.matched).toBe(false);
    expect(evaluateEsconv([c]).unmatchedTurns).toBe(1);
  });
});

describe('STC-3 comparison', () => {
  const g = (S: number | null, E: number | null): Stc3Gold => ({ kind: 'stc3', A: 0, S, E });
  const conv = (id: string, score: number | null) =>
    result(id, [turn(0, 'customer', `complaint ${id}`), turn(1, 'agent', `reply ${id}`)], {}, { score });
  const items = [
    compareStc3(conv('s1', 10), g(-1, 0)),
    compareStc3(conv('s2', 20), g(0, null)),
    compareStc3(conv('s3', 20), g(1, 1)),
    compareStc3(conv('s4', null), g(0.5, 1)),
    compareStc3(conv('s5', 40), g(2, 2)),
  ];

  it('correlates scored conversations only, with tie-aware ranks', () => {
    const e = evaluateStc3(items);
    expect(e).toMatchObject({ conversations: 5, scored: 4, nullScores: 1, meanScore: 22.5 });
    expect(e.rho.S.n).toBe(4);
    expect(e.rho.S.rho).toBeCloseTo(3 / Math.sqrt(10), 10);
    // s2 has no E rating: three pairs, perfectly monotone.
    expect(e.rho.E.n).toBe(3);
    expect(e.rho.E.rho).toBeCloseTo(1, 10);
    // A is constant: undefined.
    expect(e.rho.A.rho).toBeNull();
  });

  it('is n/a with no scored conversation', () => {
    const e = evaluateStc3([compareStc3(conv('x', null), g(1, 1))]);
    expect(e).toMatchObject({ scored: 0, nullScores: 1, meanScore: null });
    expect(e.rho.S).toEqual({ rho: null, n: 0 });
  });

  it('lists the largest rank gaps for "score"', () => {
    const flipped = [
      compareStc3(conv('a', 90), g(-2, 0)),
      compareStc3(conv('b', 50), g(0, 0)),
      compareStc3(conv('c', 10), g(2, 0)),
      compareStc3(conv('d', 60), g(0.5, 0)),
    ];
    const r = stc3Errors(flipped, 'score', 10);
    expect(r.examples.map((x) => [x.id, x.kind])).toEqual([
      ['a', 'fp'],
      ['c', 'fn'],
    ]);
    expect(r.examples[0]!.text).toBe('reply a');
    expect(stc3Errors(flipped, 'solution', 10).note).toMatch(/no turn labels/);
  });
});
