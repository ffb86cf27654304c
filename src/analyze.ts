// The pipeline: read → normalise → detect moves → judge what was missing → score → report.
import type { Conversation, Language, Skipped } from './model/conversation.js';
import { formatSource } from './model/conversation.js';
import type { AnalysedTurn, ConversationResult, Trajectory } from './model/analysis.js';
import type { HeardReport } from './model/report.js';
import { SCHEMA_VERSION } from './model/report.js';
import { detectLanguage, languageKit } from './language/index.js';
import type { TextView } from './language/index.js';
import { markCanned, readEmotion, turnDetectors } from './detect/index.js';
import { emotionValue } from './detect/emotion.js';
import { customerNeeds } from './judge/needs.js';
import type { Need } from './judge/needs.js';
import { judgeConversation } from './judge/judge.js';
import { byTurn, judgeTiming } from './judge/timing.js';
import { scoreConversation } from './score/conversation.js';
import { round, summariseAgent } from './score/agent.js';
import { VERSION } from './version.js';

export interface AnalyzeOptions {
  /** --lang: force the language instead of detecting it per conversation. */
  lang?: Language;
}

export interface Analyzer {
  analyzeConversation(conversation: Conversation): ConversationResult;
}

/** The agent id for conversations whose input names none. */
export const UNKNOWN_AGENT = '(unknown)';

export async function createAnalyzer(options: AnalyzeOptions = {}): Promise<Analyzer> {
  return {
    analyzeConversation(conversation) {
      const language = options.lang ?? conversation.language ?? detectLanguage(conversation.turns.map((t) => t.text));
      const kit = languageKit(language);
      const turns: AnalysedTurn[] = [];
      const needs = new Map<number, Need[]>();
      const customerBefore: TextView[] = [];
      for (const turn of conversation.turns) {
        const view = kit.view(turn.text);
        const analysed: AnalysedTurn = { index: turn.index, role: turn.role, speaker: turn.speaker, text: turn.text, start: turn.start, end: turn.end, moves: [], flags: [], detections: [] };
        if (turn.role === 'customer') {
          const emotion = readEmotion(view, kit);
          analysed.emotion = emotion;
          const turnNeeds = customerNeeds(view, kit, emotion);
          if (turnNeeds.length) {
            needs.set(turn.index, turnNeeds);
            analysed.needs = turnNeeds.map((n) => n.move);
          }
          customerBefore.push(view);
        } else if (turn.role === 'agent') {
          const found = new Set<string>();
          for (const detector of turnDetectors) {
            const detection = detector.detect({ turn, view, kit, customerBefore, found: found as Set<never> });
            if (!detection) continue;
            found.add(detection.id);
            analysed.detections.push(detection);
            if (detector.meta.kind === 'move') analysed.moves.push(detection.id as AnalysedTurn['moves'][number]);
            else analysed.flags.push(detection.id as AnalysedTurn['flags'][number]);
          }
        }
        turns.push(analysed);
      }
      markCanned(turns);
      const { moves, findings: moveFindings } = judgeConversation(turns, needs, language);
      // Calls are also judged by their times: interruptions and dead air join the move findings.
      const timed = judgeTiming(turns, language);
      const findings = [...moveFindings, ...timed.findings].sort(byTurn);
      const trajectory = trajectoryOf(turns);
      const scoreParts = scoreConversation(moves, findings, trajectory);
      return {
        id: conversation.id,
        agent: conversation.agent ?? UNKNOWN_AGENT,
        source: formatSource(conversation.source),
        language,
        score: scoreParts?.score ?? null,
        scoreParts,
        moves,
        findings,
        trajectory,
        ...(timed.timing ? { timing: timed.timing } : {}),
        turns,
      };
    },
  };
}

/** Did the customer end calmer than they started (情感引导)? First and last customer readings compared. */
function trajectoryOf(turns: AnalysedTurn[]): Trajectory {
  const values = turns.filter((t) => t.emotion).map((t) => emotionValue(t.emotion!));
  if (values.length < 2) return { start: values[0] ?? null, end: values[0] ?? null, direction: 'unknown' };
  const start = values[0]!;
  const end = values[values.length - 1]!;
  const delta = end - start;
  return { start, end, direction: delta >= 0.2 ? 'calmer' : delta <= -0.2 ? 'worse' : 'steady' };
}

export function buildReport(results: ConversationResult[], skipped: Skipped[]): HeardReport {
  const byAgent = new Map<string, ConversationResult[]>();
  for (const result of results) {
    const list = byAgent.get(result.agent) ?? [];
    list.push(result);
    byAgent.set(result.agent, list);
  }
  const agents = [...byAgent.keys()].sort().map((agent) => summariseAgent(agent, byAgent.get(agent)!));
  const scores = results.map((r) => r.score).filter((s): s is number => s !== null);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'heard', version: VERSION },
    summary: {
      conversations: results.length,
      scored: scores.length,
      agents: agents.length,
      turns: results.reduce((n, r) => n + r.turns.length, 0),
      score: scores.length ? round(scores.reduce((a, b) => a + b, 0) / scores.length, 1) : null,
      skipped,
    },
    agents,
    conversations: results,
  };
}
