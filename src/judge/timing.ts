// Calls judged by their timing (避免打断, dead air): pure, from the analysed turns to timing metrics and the
// `interruption` and `dead_air` findings. Chats with timestamps get the customer's wait for each reply.
import type { AnalysedTurn, Finding } from '../model/analysis.js';
import type { Language } from '../model/conversation.js';
import type { CallTiming, ChatTiming, ConversationTiming, Latency, SpeakingRate } from '../model/timing.js';
import { REDACTION } from '../language/text-view.js';

/**
 * Seconds the agent may start before the customer's turn ends without it counting as an interruption: turn
 * times from speech recognition and captions are only this precise, and a reply that starts as the customer
 * trails off is turn-taking, not cutting in.
 */
export const INTERRUPTION_TOLERANCE = 0.5;
/** A silence after a customer turn longer than this, before the agent speaks, is dead air (seconds). */
export const DEAD_AIR_THRESHOLD = 8;
/**
 * An agent turn this short (words, or Chinese characters) that ends before the customer's does is a
 * backchannel ("mm-hmm", "right", 嗯, 好的): the customer keeps the floor, so it is not an interruption.
 */
export const BACKCHANNEL_MAX = { en: 2, zh: 3 } as const satisfies Record<Language, number>;
/** Below this much agent talk (seconds) a speaking rate says nothing. */
const MIN_RATE_SECONDS = 5;

export interface TimingJudgement {
  /** Undefined unless both an agent turn and a customer turn carry times. */
  timing?: ConversationTiming;
  findings: Finding[];
}

type Timed = AnalysedTurn & { start: number };
type Spoken = Timed & { end: number };

/** Findings in conversation order: by the turn that created them, then the agent turn. */
export function byTurn(a: Finding, b: Finding): number {
  return a.turn - b.turn || (a.agentTurn ?? 0) - (b.agentTurn ?? 0);
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Words (English) or Han characters (Chinese) a turn says; redaction tokens are no one's words. */
export function spokenUnits(text: string, language: Language): number {
  const said = text.replace(REDACTION, ' ');
  const units = language === 'zh' ? said.match(/\p{Script=Han}/gu) : said.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return units?.length ?? 0;
}

/** "mm:ss" (or "h:mm:ss") from the start of the conversation. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function judgeTiming(turns: AnalysedTurn[], language: Language): TimingJudgement {
  const timed = turns
    .filter((t): t is Timed => t.start !== undefined && Number.isFinite(t.start))
    .sort((a, b) => a.start - b.start || a.index - b.index);
  const sides = timed.filter((t) => t.role === 'agent' || t.role === 'customer');
  if (!sides.some((t) => t.role === 'agent') || !sides.some((t) => t.role === 'customer')) return { findings: [] };
  const isCall = sides.every((t) => t.end !== undefined && t.end >= t.start);
  return isCall ? judgeCall(timed.filter((t): t is Spoken => t.end !== undefined && t.end >= t.start), language) : judgeChat(timed);
}

function judgeCall(turns: Spoken[], language: Language): { timing: CallTiming; findings: Finding[] } {
  const origin = turns[0]!.start;
  // Moments are on the transcript's own clock (as turns[].start): offsets into the recording for captions and
  // call analytics; a call timed in epoch seconds is shown from its first turn instead.
  const when = (t: number): string => clock(t < 86_400 ? t : t - origin);
  const agents = turns.filter((t) => t.role === 'agent');
  const customers = turns.filter((t) => t.role === 'customer');
  const talk = (list: Spoken[]): number => list.reduce((sum, t) => sum + (t.end - t.start), 0);
  const agentTalk = talk(agents);
  const customerTalk = talk(customers);
  const findings: Finding[] = [];

  for (const agent of agents) {
    // The customer turn being spoken when the agent started (the latest to begin, if several overlap).
    const talking = customers.filter((c) => c.start < agent.start && agent.start < c.end - INTERRUPTION_TOLERANCE).at(-1);
    if (!talking) continue;
    const backchannel = agent.end <= talking.end && spokenUnits(agent.text, language) <= BACKCHANNEL_MAX[language];
    if (backchannel) continue;
    const overlap = talking.end - agent.start;
    findings.push({
      kind: 'interruption',
      turn: talking.index,
      agentTurn: agent.index,
      message: `The agent started speaking at ${when(agent.start)} while the customer was still talking (${round(overlap)} s before they finished).`,
      evidence: { customer: talking.text, agent: agent.text },
      moment: { at: round(agent.start), seconds: round(overlap) },
    });
  }

  let longestSilence: number | null = null;
  for (const agent of agents) {
    // Who spoke last before the agent began: only a customer turn leaves the agent a silence to fill.
    const before = turns.filter((t) => t !== agent && t.start < agent.start);
    const last = before.reduce<Spoken | undefined>((latest, t) => (latest === undefined || t.end >= latest.end ? t : latest), undefined);
    if (!last || last.role !== 'customer' || last.end > agent.start) continue;
    const silence = agent.start - last.end;
    longestSilence = Math.max(longestSilence ?? 0, silence);
    if (silence <= DEAD_AIR_THRESHOLD) continue;
    findings.push({
      kind: 'dead_air',
      turn: last.index,
      agentTurn: agent.index,
      message: `${round(silence)} s of silence at ${when(last.end)} after the customer spoke, before the agent answered.`,
      evidence: { customer: last.text, agent: agent.text },
      moment: { at: round(last.end), seconds: round(silence) },
    });
  }

  const units = agents.reduce((sum, t) => sum + spokenUnits(t.text, language), 0);
  const agentRate: SpeakingRate | null =
    agentTalk >= MIN_RATE_SECONDS
      ? { value: Math.round((units * 60) / agentTalk), unit: language === 'zh' ? 'chars_per_minute' : 'words_per_minute' }
      : null;
  const timing: CallTiming = {
    kind: 'call',
    duration: round(Math.max(...turns.map((t) => t.end)) - origin),
    talk: { agent: round(agentTalk), customer: round(customerTalk) },
    talkRatio: agentTalk + customerTalk > 0 ? round(agentTalk / (agentTalk + customerTalk), 2) : null,
    agentRate,
    interruptions: findings.filter((f) => f.kind === 'interruption').length,
    deadAir: findings.filter((f) => f.kind === 'dead_air').length,
    longestSilence: longestSilence === null ? null : round(longestSilence),
  };
  return { timing, findings: findings.sort(byTurn) };
}

/**
 * Chats: the customer's wait, from their first message the agent had not yet answered to the agent's next
 * message (bot messages do not answer). Waits that come out negative (clock times past midnight, messages out
 * of order) are not measured.
 */
function judgeChat(turns: Timed[]): { timing: ChatTiming; findings: Finding[] } {
  const waits: number[] = [];
  let waitingSince: number | undefined;
  for (const t of turns) {
    if (t.role === 'customer') waitingSince ??= t.start;
    else if (t.role === 'agent') {
      if (waitingSince !== undefined && t.start >= waitingSince) waits.push(t.start - waitingSince);
      waitingSince = undefined;
    }
  }
  const responseLatency: Latency | null = waits.length
    ? { replies: waits.length, mean: round(waits.reduce((a, b) => a + b, 0) / waits.length), max: round(Math.max(...waits)) }
    : null;
  return {
    timing: { kind: 'chat', duration: round(turns[turns.length - 1]!.start - turns[0]!.start), responseLatency },
    findings: [],
  };
}
