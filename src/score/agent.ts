// Agent scores: the mean of their scored conversations, and per move the rate met/expected over their
// opportunities (never raw hit counts), with coaching on the move that costs them most. Built one conversation
// at a time (AgentAccumulator), so a run over millions of conversations keeps a few counters per agent, and a
// streamed run, a one-pass run and `heard report` over shards all add up the same way.
import { CORE_MOVES } from '../model/analysis.js';
import type { ConversationResult, CoreMove, MoveStatus } from '../model/analysis.js';
import type { AgentSummary, Coaching, CoachingExample, MoveRate } from '../model/report.js';
import type { AgentTiming, ConversationTiming, Latency } from '../model/timing.js';
import { EMPATHY_MOVES, StockCounter, cannedKey } from '../detect/canned.js';
import { LATE_CREDIT, MOVE_WEIGHTS } from './weights.js';

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

export const DEFAULT_COACHING_WEIGHTS: CoachingWeights = { weights: MOVE_WEIGHTS, lateCredit: LATE_CREDIT };

export function summariseAgent(agent: string, results: ConversationResult[], weights: CoachingWeights = DEFAULT_COACHING_WEIGHTS): AgentSummary {
  const accumulator = new AgentAccumulator(agent);
  for (const result of results) accumulator.add(digestOf(result));
  return accumulator.summary(weights);
}

/** What the aggregates need of one conversation result: small, and cheap to send from a worker thread. */
export interface ResultDigest {
  id: string;
  agent: string;
  score: number | null;
  moves: Record<CoreMove, MoveStatus>;
  turns: number;
  flags: { negative_language: number; canned: number };
  /** The empathy sentences of the agent's turns, by canned key (the last quote of each key), for stock phrases. */
  empathy: [string, string][];
  /** Missing and late core-move findings, in finding order: the coaching examples. */
  coaching: { move: CoreMove; turn: number; customer: string; suggestion?: string }[];
  timing?: ConversationTiming;
}


export function digestOf(result: ConversationResult): ResultDigest {
  const flags = { negative_language: 0, canned: 0 };
  const empathy = new Map<string, string>();
  for (const turn of result.turns) {
    for (const flag of turn.flags) flags[flag]++;
    if (turn.role !== 'agent') continue;
    for (const d of turn.detections) if (EMPATHY_MOVES.has(d.id)) empathy.set(cannedKey(d.quote), d.quote);
  }
  const coaching: ResultDigest['coaching'] = [];
  for (const f of result.findings) {
    if (f.move === undefined || (f.kind !== 'missing' && f.kind !== 'late')) continue;
    coaching.push({ move: f.move, turn: f.turn, customer: f.evidence.customer ?? '', ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}) });
  }
  return {
    id: result.id,
    agent: result.agent,
    score: result.score,
    moves: result.moves,
    turns: result.turns.length,
    flags,
    empathy: [...empathy],
    coaching,
    ...(result.timing ? { timing: result.timing } : {}),
  };
}

/** Move statuses counted into rates. */
export class MoveCounts {
  readonly counts = Object.fromEntries(CORE_MOVES.map((m) => [m, { expected: 0, met: 0, late: 0 }])) as Record<CoreMove, { expected: number; met: number; late: number }>;

  add(moves: Record<CoreMove, MoveStatus>): void {
    for (const move of CORE_MOVES) {
      const status = moves[move];
      if (status === 'not_expected') continue;
      const c = this.counts[move];
      c.expected++;
      if (status === 'present') c.met++;
      else if (status === 'late') c.late++;
    }
  }

  rates(): Record<CoreMove, MoveRate> {
    const out = {} as Record<CoreMove, MoveRate>;
    for (const move of CORE_MOVES) {
      const { expected, met, late } = this.counts[move];
      out[move] = { expected, met, late, rate: expected ? round((met + late) / expected, 2) : null };
    }
    return out;
  }
}

/** Everything an agent summary is made of, kept as running sums, in conversation order. */
export class AgentAccumulator {
  conversations = 0;
  scored = 0;
  scoreSum = 0;
  readonly moves = new MoveCounts();
  readonly flags = { negative_language: 0, canned: 0 };
  readonly stock = new StockCounter();
  readonly examples = Object.fromEntries(CORE_MOVES.map((m) => [m, [] as CoachingExample[]])) as Record<CoreMove, CoachingExample[]>;
  readonly suggestion: Partial<Record<CoreMove, string>> = {};
  readonly timing = {
    calls: 0,
    chats: 0,
    interruptions: 0,
    deadAir: 0,
    talkRatio: { sum: 0, n: 0 },
    words_per_minute: { sum: 0, n: 0 },
    chars_per_minute: { sum: 0, n: 0 },
    replies: 0,
    latencySum: 0,
    latencyMax: -Infinity,
  };

  constructor(readonly agent: string) {}

  add(d: ResultDigest): void {
    this.conversations++;
    if (d.score !== null) {
      this.scored++;
      this.scoreSum += d.score;
    }
    this.moves.add(d.moves);
    this.flags.negative_language += d.flags.negative_language;
    this.flags.canned += d.flags.canned;
    for (const [key, phrase] of d.empathy) this.stock.add(key, phrase);
    for (const c of d.coaching) {
      if (!(c.move in this.suggestion)) this.suggestion[c.move] = c.suggestion ?? '';
      const list = this.examples[c.move];
      if (list.length < MAX_EXAMPLES) list.push({ conversation: d.id, turn: c.turn, customer: c.customer });
    }
    const t = d.timing;
    if (t?.kind === 'call') {
      this.timing.calls++;
      this.timing.interruptions += t.interruptions;
      this.timing.deadAir += t.deadAir;
      if (t.talkRatio !== null) {
        this.timing.talkRatio.sum += t.talkRatio;
        this.timing.talkRatio.n++;
      }
      if (t.agentRate) {
        this.timing[t.agentRate.unit].sum += t.agentRate.value;
        this.timing[t.agentRate.unit].n++;
      }
    } else if (t?.kind === 'chat') {
      this.timing.chats++;
      const l = t.responseLatency;
      if (l) {
        this.timing.replies += l.replies;
        this.timing.latencySum += l.mean * l.replies;
        this.timing.latencyMax = Math.max(this.timing.latencyMax, l.max);
      }
    }
  }

  summary({ weights, lateCredit }: CoachingWeights): AgentSummary {
    const moves = this.moves.rates();
    const coaching: Coaching[] = CORE_MOVES.map((move) => {
      const { expected, met, late } = moves[move];
      const missed = expected - met - late * lateCredit;
      return { move, gap: expected ? round((weights[move] * missed) / expected, 3) : 0 };
    })
      .filter((g) => g.gap > 0)
      .sort((a, b) => b.gap - a.gap || CORE_MOVES.indexOf(a.move) - CORE_MOVES.indexOf(b.move))
      .map(({ move, gap }) => ({ move, gap, message: COACHING_MESSAGES[move], examples: [...this.examples[move]], suggestion: this.suggestion[move] ?? '' }));
    const cannedPhrases = this.stock.phrases(this.conversations);
    const timing = this.timingSummary();
    return {
      agent: this.agent,
      conversations: this.conversations,
      scored: this.scored,
      score: this.scored ? round(this.scoreSum / this.scored, 1) : null,
      moves,
      flags: { ...this.flags },
      cannedPhrases,
      coaching,
      ...(timing ? { timing } : {}),
    };
  }

  private timingSummary(): AgentTiming | undefined {
    const t = this.timing;
    if (t.calls === 0 && t.chats === 0) return undefined;
    const mean = (m: { sum: number; n: number }, digits: number): number | null => (m.n ? round(m.sum / m.n, digits) : null);
    const responseLatency: Latency | null = t.replies ? { replies: t.replies, mean: round(t.latencySum / t.replies, 1), max: t.latencyMax } : null;
    return {
      calls: t.calls,
      chats: t.chats,
      interruptions: t.interruptions,
      interruptionsPerCall: t.calls ? round(t.interruptions / t.calls, 2) : null,
      deadAir: t.deadAir,
      talkRatio: mean(t.talkRatio, 2),
      wordsPerMinute: mean(t.words_per_minute, 0),
      charsPerMinute: mean(t.chars_per_minute, 0),
      responseLatency,
    };
  }
}


export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
