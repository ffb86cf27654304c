// Auto-fail rules (the "critical" items of QA scorecards, README "Your rubric"): a conversation that breaks one
// scores 0, and a finding names the rule and quotes what broke it.
import type { CoreMove, Finding, MoveStatus, ScoreParts, Trajectory } from '../model/analysis.js';

/** Which finding breaks a rule: flags and timing by their kind; missing:<move> and late:<move> by the move. */
function breaking(rule: string, moves: Record<CoreMove, MoveStatus>, findings: readonly Finding[]): Finding | undefined {
  const [kind, move] = rule.split(':') as [string, CoreMove | undefined];
  if (move === undefined) return findings.find((f) => f.kind === kind);
  const status = moves[move];
  const fires = kind === 'missing' ? status === 'missing' : status === 'missing' || status === 'late';
  return fires ? findings.find((f) => f.move === move && (f.kind === 'missing' || f.kind === 'late')) : undefined;
}

export interface AutoFailResult {
  scoreParts: ScoreParts | null;
  /** One auto_fail finding per rule that fired. */
  findings: Finding[];
}

export function applyAutoFail(
  rules: readonly string[],
  moves: Record<CoreMove, MoveStatus>,
  findings: readonly Finding[],
  scoreParts: ScoreParts | null,
  trajectory: Trajectory,
): AutoFailResult {
  const fired: Finding[] = [];
  for (const rule of rules) {
    const cause = breaking(rule, moves, findings);
    if (!cause) continue;
    fired.push({
      kind: 'auto_fail',
      rule,
      turn: cause.turn,
      ...(cause.agentTurn !== undefined ? { agentTurn: cause.agentTurn } : {}),
      message: `Auto-fail rule "${rule}": ${cause.message} The conversation scores 0.`,
      evidence: { ...cause.evidence },
    });
  }
  if (fired.length === 0) return { scoreParts, findings: [] };
  // A conversation nothing was expected of is unscored, but breaking a rule still fails it: its move share is
  // full (nothing was missed), its outcome as measured.
  const base = scoreParts ?? { score: 0, moves: 100, outcome: Math.round(100 * (((trajectory.end ?? 0) + 1) / 2)), penalty: 0 };
  return { scoreParts: { ...base, score: 0, autoFail: fired.map((f) => f.rule!) }, findings: fired };
}
