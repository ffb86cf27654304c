// The run's aggregates — the summary, every agent (src/score/agent.ts), the team's move rates — built one
// conversation at a time. buildReport uses this accumulator too, so every way of running adds up the same.
import { CORE_MOVES } from '../model/analysis.js';
import type { ConversationResult, CoreMove } from '../model/analysis.js';
import type { AgentSummary, MoveRate } from '../model/report.js';
import { AgentAccumulator, DEFAULT_COACHING_WEIGHTS, MoveCounts, digestOf, round } from '../score/agent.js';
import type { CoachingWeights, ResultDigest } from '../score/agent.js';

/** The run's aggregates, one conversation at a time; memory grows with agents and stock phrases, not conversations. */
export class ReportAccumulator {
  conversations = 0;
  scored = 0;
  scoreSum = 0;
  turns = 0;
  /** Conversations with a needed move missing (--fail-on missing). */
  missing = 0;
  readonly team = new MoveCounts();
  private readonly agents = new Map<string, AgentAccumulator>();

  add(result: ConversationResult): void {
    this.addDigest(digestOf(result));
  }

  addDigest(d: ResultDigest): void {
    this.conversations++;
    this.turns += d.turns;
    if (d.score !== null) {
      this.scored++;
      this.scoreSum += d.score;
    }
    if (CORE_MOVES.some((m) => d.moves[m] === 'missing')) this.missing++;
    this.team.add(d.moves);
    let agent = this.agents.get(d.agent);
    if (!agent) {
      agent = new AgentAccumulator(d.agent);
      this.agents.set(d.agent, agent);
    }
    agent.add(d);
  }

  /** Every agent's summary, by agent id. */
  agentSummaries(weights: CoachingWeights = DEFAULT_COACHING_WEIGHTS): AgentSummary[] {
    return [...this.agents.keys()].sort().map((agent) => this.agents.get(agent)!.summary(weights));
  }

  score(): number | null {
    return this.scored ? round(this.scoreSum / this.scored, 1) : null;
  }

  /** The whole team's move rates (summary.moves of a prepared report). */
  teamMoves(): Record<CoreMove, MoveRate> {
    return this.team.rates();
  }
}
