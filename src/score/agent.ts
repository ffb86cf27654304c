// Agent scores: the mean of their scored conversations, and per move the rate met/expected over their
// opportunities (never raw hit counts), with coaching on the move that costs them most.
import { CORE_MOVES } from '../model/analysis.js';
import type { ConversationResult, CoreMove } from '../model/analysis.js';
import type { AgentSummary, Coaching, MoveRate } from '../model/report.js';
import type { AgentTiming, Latency, SpeakingRate } from '../model/timing.js';
import { LATE_CREDIT, MOVE_WEIGHTS } from './weights.js';
import { stockPhrases } from '../detect/canned.js';

const MAX_EXAMPLES = 3;

const COACHING_MESSAGES: Record<CoreMove, string> = {
  acknowledgement: 'Acknowledge how the customer feels before fixing the problem.',
  paraphrase: "Restate the customer's problem in your own words before acting on it.",
  solution: 'Offer a concrete action, option or next step every time the customer has something you can act on.',
};

/** The weights coaching ranks gaps by: the configured ones (config settings), else weights.ts. */
export interface CoachingWeights {
  weights: Record<CoreMove, number>;
  lateCredit: number;
}

export function summariseAgent(agent: string, results: ConversationResult[], weights: CoachingWeights = { weights: MOVE_WEIGHTS, lateCredit: LATE_CREDIT }): AgentSummary {
  const scores = results.map((r) => r.score).filter((s): s is number => s !== null);
  const moves = {} as Record<CoreMove, MoveRate>;
  for (const move of CORE_MOVES) {
    const statuses = results.map((r) => r.moves[move]).filter((s) => s !== 'not_expected');
    const met = statuses.filter((s) => s === 'present').length;
    const late = statuses.filter((s) => s === 'late').length;
    moves[move] = { expected: statuses.length, met, late, rate: statuses.length ? round((met + late) / statuses.length, 2) : null };
  }
  const flags = { negative_language: 0, canned: 0 };
  for (const result of results) for (const turn of result.turns) for (const flag of turn.flags) flags[flag]++;
  const timing = timingOf(results);
  return {
    agent,
    conversations: results.length,
    scored: scores.length,
    score: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 1) : null,
    moves,
    flags,
    cannedPhrases: stockPhrases(results),
    coaching: coach(results, moves, weights),
    ...(timing ? { timing } : {}),
  };
}

/** The move with the largest weighted gap first; examples are the agent's own missed moments. */
function coach(results: ConversationResult[], moves: Record<CoreMove, MoveRate>, { weights, lateCredit }: CoachingWeights): Coaching[] {
  const gaps = CORE_MOVES.map((move) => {
    const { expected, met, late } = moves[move];
    const missed = expected - met - late * lateCredit;
    return { move, gap: expected ? round((weights[move] * missed) / expected, 3) : 0 };
  })
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.gap - a.gap || CORE_MOVES.indexOf(a.move) - CORE_MOVES.indexOf(b.move));
  return gaps.map(({ move, gap }) => {
    const findings = results.flatMap((r) =>
      r.findings.filter((f) => f.move === move && (f.kind === 'missing' || f.kind === 'late')).map((f) => ({ result: r, finding: f })),
    );
    return {
      move,
      gap,
      message: COACHING_MESSAGES[move],
      examples: findings.slice(0, MAX_EXAMPLES).map(({ result, finding }) => ({
        conversation: result.id,
        turn: finding.turn,
        customer: finding.evidence.customer ?? '',
      })),
      suggestion: findings[0]?.finding.suggestion ?? '',
    };
  });
}

/** The agent's calls and chats summed up (README, "Calls: timing"); undefined when no conversation had times. */
function timingOf(results: ConversationResult[]): AgentTiming | undefined {
  const calls = results.flatMap((r) => (r.timing?.kind === 'call' ? [r.timing] : []));
  const chats = results.flatMap((r) => (r.timing?.kind === 'chat' ? [r.timing] : []));
  if (calls.length === 0 && chats.length === 0) return undefined;
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const mean = (xs: number[], digits: number): number | null => (xs.length ? round(sum(xs) / xs.length, digits) : null);
  const rates = (unit: SpeakingRate['unit']): number[] => calls.flatMap((c) => (c.agentRate?.unit === unit ? [c.agentRate.value] : []));
  const interruptions = sum(calls.map((c) => c.interruptions));
  const latencies = chats.flatMap((c) => (c.responseLatency ? [c.responseLatency] : []));
  const replies = sum(latencies.map((l) => l.replies));
  // Weighted by replies, so a long chat counts for more than a one-reply chat.
  const responseLatency: Latency | null = replies
    ? { replies, mean: round(sum(latencies.map((l) => l.mean * l.replies)) / replies, 1), max: Math.max(...latencies.map((l) => l.max)) }
    : null;
  return {
    calls: calls.length,
    chats: chats.length,
    interruptions,
    interruptionsPerCall: calls.length ? round(interruptions / calls.length, 2) : null,
    deadAir: sum(calls.map((c) => c.deadAir)),
    talkRatio: mean(calls.flatMap((c) => (c.talkRatio === null ? [] : [c.talkRatio])), 2),
    wordsPerMinute: mean(rates('words_per_minute'), 0),
    charsPerMinute: mean(rates('chars_per_minute'), 0),
    responseLatency,
  };
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
