import type { Detection, Flag, Move } from '../model/analysis.js';
import type { Turn } from '../model/conversation.js';
import type { LanguageKit, TextView } from '../language/index.js';

/** What a detector sees of one agent turn: the turn prepared once, and what the customer said before it. */
export interface AgentTurnContext {
  turn: Turn;
  view: TextView;
  kit: LanguageKit;
  /** Customer turns before this agent turn, oldest first. */
  customerBefore: TextView[];
  /** Moves already found in this turn by detectors that ran earlier. */
  found: ReadonlySet<Move | Flag>;
}

/** A detector is a small unit, like an ESLint rule: what it is, and how it finds itself in a turn. */
export interface TurnDetector {
  meta: {
    id: Move | Flag;
    kind: 'move' | 'flag';
    description: string;
  };
  detect(context: AgentTurnContext): Detection | undefined;
}
