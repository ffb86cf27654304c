// Scores: the conversation score (weighted move share blended with the customer's outcome, less penalties),
// agent summaries (mean of scored conversations, per-move rates over opportunities, coaching) and the report.
import { describe, expect, it } from 'vitest';
import { scoreConversation } from '../../src/score/conversation.js';
import { summariseAgent } from '../../src/score/agent.js';
import { LATE_CREDIT, MOVE_WEIGHTS, NEGATIVE_LANGUAGE_PENALTY, SCORE_BLEND } from '../../src/score/weights.js';
import { buildReport, createAnalyzer, UNKNOWN_AGENT } from '../../src/analyze.js';
import { conversation } from '../helpers/conversation.js';
import { SCHEMA_VERSION } from '../../src/model/report.js';
import type { CoreMove, Finding, MoveStatus } from '../../src/model/analysis.js';
import { NOTHING_EXPECTED, agentTurn, customerTurn, moveFinding, result, trajectory } from '../helpers/analysed.js';

const moves = (m: Partial<Record<CoreMove, MoveStatus>>) => ({ ...NOTHING_EXPECTED, ...m });
const negative = (turn: number): Finding => ({ kind: 'negative_language', flag: 'negative_language', turn, agentTurn: turn, message: 'Negative language: x.', evidence: { agent: 'x' } });
const canned = (turn: number): Finding => ({ kind: 'canned', flag: 'canned', turn, agentTurn: turn, message: 'Canned phrasing: x.', evidence: { agent: 'x' } });
/** A neutral ending: outcome 0.5. */
const NEUTRAL = trajectory(0);

/** The documented formula, written out independently of the implementation. */
function expected(moveShare: number, end: number | null, negatives = 0): number {
  const outcome = Math.min(1, Math.max(0, 0.5 + (end ?? 0)));
  return Math.max(0, Math.round(100 * (0.35 * moveShare + 0.65 * outcome)) - 10 * negatives);
}

describe('weights', () => {
  it('are the documented values', () => {
    expect(MOVE_WEIGHTS).toEqual({ acknowledgement: 0.35, paraphrase: 0.25, solution: 0.4 });
    expect(MOVE_WEIGHTS.acknowledgement + MOVE_WEIGHTS.paraphrase + MOVE_WEIGHTS.solution).toBeCloseTo(1);
    expect(LATE_CREDIT).toBe(0.5);
    expect(SCORE_BLEND).toEqual({ moves: 0.35, outcome: 0.65 });
    expect(NEGATIVE_LANGUAGE_PENALTY).toBe(10);
  });
});

describe('scoreConversation', () => {
  it('is null when nothing was expected (unscored, not perfect), whatever the findings and outcome', () => {
    expect(scoreConversation(NOTHING_EXPECTED, [], trajectory(1))).toBeNull();
    expect(scoreConversation(NOTHING_EXPECTED, [negative(1)], trajectory(-1))).toBeNull();
  });

  it('all expected moves present and a pleased customer: 100', () => {
    const parts = scoreConversation(moves({ acknowledgement: 'present', paraphrase: 'present', solution: 'present' }), [], trajectory(1, -1));
    expect(parts).toEqual({ score: 100, moves: 100, outcome: 100, penalty: 0 });
  });

  it('all moves missing and an angry customer at the end: 0', () => {
    const parts = scoreConversation(moves({ acknowledgement: 'missing', paraphrase: 'missing', solution: 'missing' }), [], trajectory(-1));
    expect(parts).toEqual({ score: 0, moves: 0, outcome: 0, penalty: 0 });
  });

  it('weights the moves 0.35 / 0.25 / 0.40 within the move share', () => {
    const ackOnly = scoreConversation(moves({ acknowledgement: 'present', paraphrase: 'missing', solution: 'missing' }), [], NEUTRAL)!;
    const paraOnly = scoreConversation(moves({ acknowledgement: 'missing', paraphrase: 'present', solution: 'missing' }), [], NEUTRAL)!;
    const solOnly = scoreConversation(moves({ acknowledgement: 'missing', paraphrase: 'missing', solution: 'present' }), [], NEUTRAL)!;
    expect([ackOnly.moves, paraOnly.moves, solOnly.moves]).toEqual([35, 25, 40]);
    expect(ackOnly.score).toBe(expected(0.35, 0)); // round(100 * (0.35*0.35 + 0.65*0.5)) = 45
    expect(ackOnly.score).toBe(45);
    expect(paraOnly.score).toBe(expected(0.25, 0)); // 41
    expect(solOnly.score).toBe(expected(0.4, 0)); // 46
    expect(solOnly.score).toBeGreaterThan(ackOnly.score);
    expect(ackOnly.score).toBeGreaterThan(paraOnly.score);
  });

  it('renormalises over the moves that were expected only', () => {
    // acknowledgement not expected: share = 0.4 / (0.25 + 0.4)
    const parts = scoreConversation(moves({ paraphrase: 'missing', solution: 'present' }), [], NEUTRAL)!;
    expect(parts.moves).toBe(Math.round((100 * 0.4) / 0.65)); // 62
    expect(parts.score).toBe(expected(0.4 / 0.65, 0));
    // only the solution expected and present: a full move share
    expect(scoreConversation(moves({ solution: 'present' }), [], NEUTRAL)!.moves).toBe(100);
  });

  it('a late move counts half', () => {
    const late = scoreConversation(moves({ acknowledgement: 'late', paraphrase: 'present', solution: 'present' }), [], NEUTRAL)!;
    expect(late.moves).toBe(Math.round(100 * (0.35 * 0.5 + 0.25 + 0.4))); // 83
    expect(late.score).toBe(expected(0.35 * 0.5 + 0.65, 0));
    const onlyLate = scoreConversation(moves({ paraphrase: 'late' }), [], NEUTRAL)!;
    expect(onlyLate.moves).toBe(50);
    const present = scoreConversation(moves({ paraphrase: 'present' }), [], NEUTRAL)!;
    const missing = scoreConversation(moves({ paraphrase: 'missing' }), [], NEUTRAL)!;
    expect(missing.score).toBeLessThan(onlyLate.score);
    expect(onlyLate.score).toBeLessThan(present.score);
  });

  it("blends the move share with the customer's final emotion: outcome01 = clamp(0.5 + trajectory.end, 0, 1)", () => {
    const all = moves({ acknowledgement: 'present', paraphrase: 'present', solution: 'present' });
    expect(scoreConversation(all, [], trajectory(-1))).toEqual({ score: 35, moves: 100, outcome: 0, penalty: 0 });
    expect(scoreConversation(all, [], trajectory(-0.3))).toEqual({ score: expected(1, -0.3), moves: 100, outcome: 20, penalty: 0 });
    expect(scoreConversation(all, [], trajectory(0))).toEqual({ score: 68, moves: 100, outcome: 50, penalty: 0 }); // 35 + 32.5 → 68
    expect(scoreConversation(all, [], trajectory(0.3, -0.9))).toEqual({ score: expected(1, 0.3), moves: 100, outcome: 80, penalty: 0 });
    // only the END of the trajectory matters, not where the customer started
    expect(scoreConversation(all, [], trajectory(0.3, -0.9))!.score).toBe(scoreConversation(all, [], trajectory(0.3, 0.3))!.score);
    const none = moves({ acknowledgement: 'missing', paraphrase: 'missing', solution: 'missing' });
    expect(scoreConversation(none, [], trajectory(1))).toEqual({ score: 65, moves: 0, outcome: 100, penalty: 0 });
  });

  it('counts a customer with no emotion reading as neutral', () => {
    const parts = scoreConversation(moves({ solution: 'present' }), [], trajectory(null))!;
    expect(parts.outcome).toBe(50);
    expect(parts.score).toBe(expected(1, 0));
  });

  it('takes 10 points off per negative-language finding (not for canned), floored at 0', () => {
    const m = moves({ acknowledgement: 'present', paraphrase: 'present', solution: 'present' });
    const base = scoreConversation(m, [], NEUTRAL)!;
    const one = scoreConversation(m, [negative(1)], NEUTRAL)!;
    const two = scoreConversation(m, [negative(1), negative(3), canned(3)], NEUTRAL)!;
    expect(one).toEqual({ ...base, score: base.score - 10, penalty: 10 });
    expect(two).toEqual({ ...base, score: base.score - 20, penalty: 20 });
    expect(scoreConversation(m, [canned(1), canned(3)], NEUTRAL)).toEqual(base);
    const floor = scoreConversation(moves({ solution: 'missing' }), [negative(1), negative(2), negative(3), negative(4)], trajectory(-0.25))!;
    expect(floor.score).toBe(0);
    expect(floor.penalty).toBe(40);
    expect(floor.moves).toBe(0);
    expect(floor.outcome).toBe(25);
  });

  it('rounds the blend before subtracting the penalty', () => {
    // 100 * (0.35 * 1 + 0.65 * 0.5) = 67.5 → 68, then - 10 = 58
    const parts = scoreConversation(moves({ solution: 'present' }), [negative(2)], NEUTRAL)!;
    expect(parts.score).toBe(58);
  });
});

describe('summariseAgent', () => {
  it('averages only the scored conversations (unscored ones are not zeros)', () => {
    const s = summariseAgent('Maria', [
      result('a', { agent: 'Maria', score: 80, moves: { solution: 'present' } }),
      result('b', { agent: 'Maria', score: null }),
      result('c', { agent: 'Maria', score: 55, moves: { solution: 'missing' } }),
    ]);
    expect(s.agent).toBe('Maria');
    expect(s.conversations).toBe(3);
    expect(s.scored).toBe(2);
    expect(s.score).toBe(67.5);
  });

  it('rounds the mean to one decimal, and is null when nothing was scored', () => {
    const s = summariseAgent('A', [result('a', { score: 70, moves: { solution: 'present' } }), result('b', { score: 71 }), result('c', { score: 71 })]);
    expect(s.score).toBe(70.7);
    const none = summariseAgent('B', [result('a'), result('b')]);
    expect(none.score).toBeNull();
    expect(none.scored).toBe(0);
    expect(none.moves.acknowledgement).toEqual({ expected: 0, met: 0, late: 0, rate: null });
    expect(none.coaching).toEqual([]);
  });

  it('per-move rate = (met + late) / expected, over the opportunities only', () => {
    const s = summariseAgent('A', [
      result('a', { moves: { acknowledgement: 'present', solution: 'present' } }),
      result('b', { moves: { acknowledgement: 'late', solution: 'missing' } }),
      result('c', { moves: { acknowledgement: 'missing', solution: 'missing' } }),
      result('d', { moves: {} }),
    ]);
    expect(s.moves.acknowledgement).toEqual({ expected: 3, met: 1, late: 1, rate: 0.67 });
    expect(s.moves.solution).toEqual({ expected: 3, met: 1, late: 0, rate: 0.33 });
    expect(s.moves.paraphrase).toEqual({ expected: 0, met: 0, late: 0, rate: null });
  });

  it('counts flags from the agent turns', () => {
    const turns = [customerTurn(0, 'x'), agentTurn(1, 'As I said…', [], ['negative_language']), agentTurn(2, 'Sorry.', ['apology'], ['canned', 'negative_language'])];
    const s = summariseAgent('A', [result('a', { turns }), result('b', { turns: [agentTurn(0, 'Sorry.', [], ['canned'])] })]);
    expect(s.flags).toEqual({ negative_language: 2, canned: 2 });
  });

  it('orders coaching by weighted gap (weight × missed / expected, late counting half) and gives up to 3 examples', () => {
    const results = [
      // acknowledgement: 2 of 2 missed → gap 0.35; solution: 1 of 4 missed → 0.1; paraphrase: 1 late of 1 → 0.125
      result('c1', {
        moves: { acknowledgement: 'missing', paraphrase: 'late', solution: 'missing' },
        findings: [moveFinding('missing', 'acknowledgement', 1, 'ack need c1'), moveFinding('late', 'paraphrase', 1, 'para need c1', 4), moveFinding('missing', 'solution', 1, 'sol need c1')],
      }),
      result('c2', { moves: { acknowledgement: 'missing', solution: 'present' }, findings: [moveFinding('missing', 'acknowledgement', 3, 'ack need c2')] }),
      result('c3', { moves: { solution: 'present' } }),
      result('c4', { moves: { solution: 'present' } }),
    ];
    const s = summariseAgent('A', results);
    expect(s.coaching.map((c) => [c.move, c.gap])).toEqual([
      ['acknowledgement', 0.35],
      ['paraphrase', 0.125],
      ['solution', 0.1],
    ]);
    const ack = s.coaching[0]!;
    expect(ack.examples).toEqual([
      { conversation: 'c1', turn: 1, customer: 'ack need c1' },
      { conversation: 'c2', turn: 3, customer: 'ack need c2' },
    ]);
    expect(ack.suggestion).toBe('try acknowledgement');
    expect(ack.message).toMatch(/acknowledge/i);
    // a late move is coached too, with its late finding as the example
    expect(s.coaching[1]!.examples).toEqual([{ conversation: 'c1', turn: 1, customer: 'para need c1' }]);
  });

  it('caps coaching examples at 3 and leaves out moves with no gap', () => {
    const results = ['a', 'b', 'c', 'd', 'e'].map((id, i) =>
      result(id, { moves: { solution: 'missing', acknowledgement: 'present' }, findings: [moveFinding('missing', 'solution', i, `need ${id}`)] }),
    );
    const s = summariseAgent('A', results);
    expect(s.coaching).toHaveLength(1);
    expect(s.coaching[0]!.move).toBe('solution');
    expect(s.coaching[0]!.gap).toBe(0.4);
    expect(s.coaching[0]!.examples.map((e) => e.conversation)).toEqual(['a', 'b', 'c']);
  });

  it('breaks gap ties in the order acknowledgement, paraphrase, solution', () => {
    // acknowledgement 0.35 * 2/2 = 0.35; solution 0.4 * 7/8 = 0.35
    const results = [
      result('x', { moves: { acknowledgement: 'missing', solution: 'present' } }),
      result('y', { moves: { acknowledgement: 'missing', solution: 'missing' } }),
      ...['1', '2', '3', '4', '5', '6'].map((id) => result(id, { moves: { solution: 'missing' } })),
    ];
    const s = summariseAgent('A', results);
    expect(s.coaching.map((c) => [c.move, c.gap])).toEqual([
      ['acknowledgement', 0.35],
      ['solution', 0.35],
    ]);
  });
});

describe('buildReport', () => {
  it('counts conversations, scored conversations, agents and turns, and averages the scored ones', () => {
    const turns = [customerTurn(0, 'a'), agentTurn(1, 'b')];
    const report = buildReport(
      [
        result('1', { agent: 'Zoe', score: 90, moves: { solution: 'present' }, turns }),
        result('2', { agent: 'Adam', score: 41, moves: { solution: 'missing' }, turns: [...turns, customerTurn(2, 'c')] }),
        result('3', { agent: 'Zoe', score: null, turns }),
        result('4', { agent: UNKNOWN_AGENT, score: 60, moves: { solution: 'present' }, turns }),
      ],
      [{ source: 'bad.txt:3', reason: 'unknown role for speaker X' }],
    );
    expect(report.schemaVersion).toBe(SCHEMA_VERSION);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool.name).toBe('heard');
    expect(report.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.summary).toEqual({
      conversations: 4,
      scored: 3,
      agents: 3,
      turns: 9,
      score: 63.7, // (90 + 41 + 60) / 3 = 63.67
      skipped: [{ source: 'bad.txt:3', reason: 'unknown role for speaker X' }],
      // The whole team's move rates, scored exactly like one agent's.
      moves: summariseAgent('team', report.conversations).moves,
    });
    expect(report.agents.map((a) => a.agent)).toEqual(['(unknown)', 'Adam', 'Zoe']);
    const zoe = report.agents.find((a) => a.agent === 'Zoe')!;
    expect(zoe).toMatchObject({ conversations: 2, scored: 1, score: 90 });
    expect(report.conversations.map((c) => c.id)).toEqual(['1', '2', '3', '4']);
  });

  it('has a null overall score when nothing was scored', () => {
    const report = buildReport([result('1', { agent: 'A' }), result('2', { agent: 'B' })], []);
    expect(report.summary).toMatchObject({ conversations: 2, scored: 0, agents: 2, score: null, skipped: [] });
    expect(report.agents.every((a) => a.score === null)).toBe(true);
  });

  it('is empty but well-formed with no conversations', () => {
    const report = buildReport([], [{ source: 'x.txt', reason: 'empty file' }]);
    const never = { expected: 0, met: 0, late: 0, rate: null };
    expect(report.summary).toEqual({
      conversations: 0, scored: 0, agents: 0, turns: 0, score: null, skipped: [{ source: 'x.txt', reason: 'empty file' }],
      moves: { acknowledgement: never, paraphrase: never, solution: never },
    });
    expect(report.agents).toEqual([]);
  });
});

describe('the outcome part end to end', () => {
  it('reads the outcome from the customer\'s last turn', async () => {
    const analyzer = await createAnalyzer();
    const r = analyzer.analyzeConversation(
      conversation("C: I've been charged twice and nobody answers my emails!", "A: I can see how frustrating that is. I've refunded the duplicate charge just now.", 'C: Great, thank you so much!'),
    );
    expect(r.trajectory.end).toBeGreaterThan(0);
    expect(r.scoreParts!.outcome).toBe(Math.round(100 * Math.min(1, 0.5 + r.trajectory.end!)));
    expect(r.score).toBe(r.scoreParts!.score);
  });

  // The outcome is the customer's reaction to the agent: an opening complaint made before any reply must not
  // punish the agent for the customer's initial mood.
  it('a customer who spoke only once, before any reply, has no outcome reading (neutral)', async () => {
    const analyzer = await createAnalyzer();
    const r = analyzer.analyzeConversation(
      conversation("C: I've been charged twice and nobody answers my emails!", "A: I can see how frustrating that is. I've refunded the duplicate charge just now."),
    );
    expect(r.trajectory.direction).toBe('unknown');
    expect(r.trajectory.end).toBeNull();
    expect(r.scoreParts!.outcome).toBe(50);
  });
});
