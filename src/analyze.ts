// The pipeline: read → normalise → detect moves → judge what was missing → score → report.
import type { Conversation, Language, Skipped } from './model/conversation.js';
import { formatSource } from './model/conversation.js';
import type { AnalysedTurn, ConversationResult, Trajectory } from './model/analysis.js';
import type { HeardReport, ReportConfig } from './model/report.js';
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
import { applyAutoFail } from './score/auto-fail.js';
import { DEFAULT_SETTINGS } from './config/defaults.js';
import type { Settings } from './config/defaults.js';
import { configRecord } from './config/record.js';
import type { CoachingWeights } from './score/agent.js';
import { ReportAccumulator } from './report/aggregate.js';
import { VERSION } from './version.js';

export interface AnalyzeOptions {
  /** --lang: force the language instead of detecting it per conversation. */
  lang?: Language;
  /** The effective settings (src/config): the defaults when absent. */
  settings?: Settings;
  /** The config file the settings came from, recorded in the report. */
  configFile?: string;
}

export interface Analyzer {
  analyzeConversation(conversation: Conversation): ConversationResult;
  /** The rubric this analyzer judges by, for the report (buildReport's third argument). */
  config: ReportConfig;
}

/** The agent id for conversations whose input names none. */
export const UNKNOWN_AGENT = '(unknown)';

/** The rubric's agentId pattern: the first capture group of a match on the agent name is the id ("Maria #4411" → "4411"). */
function agentIdPattern(pattern: Settings['roles']['agentId']): (name: string | undefined) => string | undefined {
  if (!pattern) return (name) => name;
  const re = new RegExp(pattern.regex, 'iu');
  return (name) => (name === undefined ? undefined : (re.exec(name)?.[1]?.trim() || name));
}

export async function createAnalyzer(options: AnalyzeOptions = {}): Promise<Analyzer> {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const on = (id: keyof Settings['moves']): boolean => settings.moves[id].enabled;
  // A disabled move is never detected (so never met) and never expected.
  const detectors = turnDetectors.filter((d) => on(d.meta.id));
  const fallback = settings.language.default === 'auto' ? undefined : settings.language.default;
  const agentIdOf = agentIdPattern(settings.roles.agentId);
  const scoreParams = {
    weights: { acknowledgement: settings.moves.acknowledgement.weight, paraphrase: settings.moves.paraphrase.weight, solution: settings.moves.solution.weight },
    lateCredit: settings.late.credit,
    blend: settings.score.blend,
    penalties: settings.score.penalties,
  };
  return {
    config: configRecord(settings, options.configFile),
    analyzeConversation(conversation) {
      const language = options.lang ?? conversation.language ?? fallback ?? detectLanguage(conversation.turns.map((t) => t.text));
      const kit = languageKit(language, settings);
      const turns: AnalysedTurn[] = [];
      const needs = new Map<number, Need[]>();
      const customerBefore: TextView[] = [];
      for (const turn of conversation.turns) {
        const view = kit.view(turn.text);
        const analysed: AnalysedTurn = { index: turn.index, role: turn.role, speaker: turn.speaker, text: turn.text, start: turn.start, end: turn.end, moves: [], flags: [], detections: [] };
        if (turn.role === 'customer') {
          const emotion = readEmotion(view, kit);
          analysed.emotion = emotion;
          const turnNeeds = customerNeeds(view, kit, emotion).filter((n) => on(n.move));
          if (turnNeeds.length) {
            needs.set(turn.index, turnNeeds);
            analysed.needs = turnNeeds.map((n) => n.move);
          }
          customerBefore.push(view);
        } else if (turn.role === 'agent') {
          const found = new Set<string>();
          for (const detector of detectors) {
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
      if (on('canned')) markCanned(turns);
      const { moves, findings: moveFindings } = judgeConversation(turns, needs, language, settings);
      // Calls are also judged by their times: interruptions and dead air join the move findings.
      const timed = judgeTiming(turns, language);
      const judged = [...moveFindings, ...timed.findings];
      const trajectory = trajectoryOf(turns);
      const failed = applyAutoFail(settings.autoFail, moves, judged, scoreConversation(moves, judged, trajectory, scoreParams), trajectory);
      const scoreParts = failed.scoreParts;
      const findings = [...judged, ...failed.findings].sort(byTurn);
      return {
        id: conversation.id,
        agent: agentIdOf(conversation.agent) ?? UNKNOWN_AGENT,
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
  const readings = turns.filter((t) => t.emotion);
  const start = readings.length ? emotionValue(readings[0]!.emotion!) : null;
  // The end is the customer's reaction to the agent: a reading taken before any agent reply says nothing
  // about how the conversation went, so a customer who never answered the agent leaves the end unknown.
  const firstAgent = turns.find((t) => t.role === 'agent')?.index ?? Infinity;
  const reactions = readings.filter((t) => t.index > firstAgent);
  const last = reactions[reactions.length - 1];
  if (start === null || !last || last === readings[0]) return { start, end: last ? emotionValue(last.emotion!) : null, direction: 'unknown' };
  const end = emotionValue(last.emotion!);
  const delta = end - start;
  return { start, end, direction: delta >= 0.2 ? 'calmer' : delta <= -0.2 ? 'worse' : 'steady' };
}

/**
 * The report of a run; `config` (Analyzer.config) records the rubric it was judged by, `read` how many
 * conversations the input held (ReadResult.conversationsRead), which adds the accounting to the summary.
 * The numbers come from the ReportAccumulator, which a streamed run fills one conversation at a time.
 */
export function buildReport(results: ConversationResult[], skipped: Skipped[], config?: ReportConfig, read?: number): HeardReport {
  const accumulator = new ReportAccumulator();
  for (const result of results) accumulator.add(result);
  return reportFrom(accumulator, results, skipped, config, read);
}

/**
 * The report from aggregates already accumulated. `conversations` are the results kept for the report's
 * conversations list: all of them, or none when a streamed run has written them already (JSONL).
 */
export function reportFrom(accumulator: ReportAccumulator, conversations: ConversationResult[], skipped: Skipped[], config?: ReportConfig, read?: number): HeardReport {
  const agents = accumulator.agentSummaries(coachingWeights(config));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'heard', version: VERSION },
    summary: {
      conversations: accumulator.conversations,
      scored: accumulator.scored,
      agents: agents.length,
      turns: accumulator.turns,
      score: accumulator.score(),
      ...(read !== undefined ? { read, analysed: accumulator.conversations } : {}),
      skipped,
      moves: accumulator.teamMoves(),
    },
    agents,
    conversations,
    ...(config ? { config } : {}),
  };
}

/** Coaching ranks gaps by the weights of the rubric the report was made with. */
function coachingWeights(config: ReportConfig | undefined): CoachingWeights | undefined {
  const settings = config?.settings as Partial<Settings> | undefined;
  if (!settings?.moves || !settings.late) return undefined;
  const { moves } = settings;
  return { weights: { acknowledgement: moves.acknowledgement.weight, paraphrase: moves.paraphrase.weight, solution: moves.solution.weight }, lateCredit: settings.late.credit };
}
