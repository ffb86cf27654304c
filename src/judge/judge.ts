// The opportunity model, agent side: was each needed move met in time, late, or never?
import { CORE_MOVES } from '../model/analysis.js';
import type { AnalysedTurn, CoreMove, Finding, MoveStatus } from '../model/analysis.js';
import type { Language } from '../model/conversation.js';
import type { Need } from './needs.js';
import { suggestion } from './suggestions.js';

/** An acknowledgement counts as on time within this many agent turns after the need. */
export const ACKNOWLEDGEMENT_WINDOW = 2;

export interface Judgement {
  moves: Record<CoreMove, MoveStatus>;
  findings: Finding[];
}

const MISSING_MESSAGES: Record<CoreMove, string> = {
  acknowledgement: 'The customer needed to feel heard ({{why}}), and no agent reply acknowledged it.',
  paraphrase: 'The customer stated a specific problem, and the agent never restated it to check understanding before acting.',
  solution: 'The customer had something the agent could act on, and no reply offered a concrete action, option or next step.',
};

const LATE_MESSAGES: Partial<Record<CoreMove, string>> = {
  acknowledgement: 'The customer needed to feel heard ({{why}}); the acknowledgement came only {{n}} agent replies later.',
  paraphrase: 'The agent restated the problem only after already offering a solution.',
};

/** What the judge reads of the settings (src/config/defaults.ts); absent: the constants above. */
export interface JudgeParams {
  acknowledgement: { window: { turns: number; seconds: number | null } };
}

export function judgeConversation(turns: AnalysedTurn[], needs: Map<number, Need[]>, language: Language, params?: JudgeParams): Judgement {
  const window = params?.acknowledgement.window ?? { turns: ACKNOWLEDGEMENT_WINDOW, seconds: null };
  const moves = {} as Record<CoreMove, MoveStatus>;
  const findings: Finding[] = [];
  for (const move of CORE_MOVES) {
    const first = firstNeed(turns, needs, move);
    if (!first) {
      moves[move] = 'not_expected';
      continue;
    }
    const { turnIndex, need } = first;
    const after = turns.filter((t) => t.role === 'agent' && t.index > turnIndex);
    const answerIndex = after.findIndex((t) => t.moves.includes(move));
    const firstReply = after[0]!;
    let status: MoveStatus;
    if (answerIndex < 0) status = 'missing';
    else if (move === 'acknowledgement') status = onTime(turns.find((t) => t.index === turnIndex), after[answerIndex]!, answerIndex, window) ? 'present' : 'late';
    else if (move === 'paraphrase') {
      const firstSolution = after.findIndex((t) => t.moves.includes('solution'));
      status = firstSolution < 0 || answerIndex <= firstSolution ? 'present' : 'late';
    } else status = 'present';
    moves[move] = status;
    if (status === 'present') continue;
    const answered = answerIndex >= 0 ? after[answerIndex]! : undefined;
    const template = status === 'missing' ? MISSING_MESSAGES[move] : LATE_MESSAGES[move]!;
    findings.push({
      kind: status,
      move,
      turn: turnIndex,
      agentTurn: (answered ?? firstReply).index,
      message: template.replace('{{why}}', need.why).replace('{{n}}', String(answerIndex + 1)),
      evidence: { customer: need.quote, agent: (answered ?? firstReply).text },
      suggestion: suggestion(move, language, need.quote),
    });
  }
  for (const turn of turns) {
    for (const detection of turn.detections) {
      if (detection.id !== 'negative_language' && detection.id !== 'canned') continue;
      findings.push({
        kind: detection.id,
        flag: detection.id,
        turn: turn.index,
        agentTurn: turn.index,
        message: detection.id === 'canned' ? `Canned phrasing: ${detection.why}.` : `Negative language: ${detection.why}.`,
        evidence: { agent: detection.quote },
      });
    }
  }
  findings.sort((a, b) => a.turn - b.turn || (a.agentTurn ?? 0) - (b.agentTurn ?? 0));
  return { moves, findings };
}

/**
 * Within the acknowledgement window: by seconds when the window has them and both turns carry times (from the
 * end of the customer's turn, or its start when it has no end), else by agent turns.
 */
function onTime(need: AnalysedTurn | undefined, answer: AnalysedTurn, answerIndex: number, window: JudgeParams['acknowledgement']['window']): boolean {
  const from = need?.end ?? need?.start;
  if (window.seconds !== null && from !== undefined && answer.start !== undefined) return answer.start - from <= window.seconds;
  return answerIndex < window.turns;
}

/** The first customer turn that calls for the move and that some agent turn still follows. */
function firstNeed(turns: AnalysedTurn[], needs: Map<number, Need[]>, move: CoreMove) {
  const lastAgent = turns.findLast((t) => t.role === 'agent')?.index ?? -1;
  for (const [turnIndex, list] of needs) {
    if (turnIndex > lastAgent) break;
    const need = list.find((n) => n.move === move);
    if (need) return { turnIndex, need };
  }
  return undefined;
}
