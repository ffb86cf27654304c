// Calls judged by their timing: interruptions (the agent cutting in), dead air, talk ratio and speaking rate;
// chats by how long the customer waited for each reply. Rules are tested on hand-built turns; the acceptance
// call is a WebVTT fixture run through the whole analyzer.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysedTurn } from '../../src/model/analysis.js';
import type { ConversationResult } from '../../src/model/analysis.js';
import { buildReport, createAnalyzer } from '../../src/analyze.js';
import { readInputs } from '../../src/ingest/read.js';
import { DEAD_AIR_THRESHOLD, INTERRUPTION_TOLERANCE, judgeTiming, spokenUnits } from '../../src/judge/timing.js';
import { agentTurn, customerTurn } from '../helpers/analysed.js';
import { fmt } from '../ingest/helpers.js';

type Side = 'C' | 'A' | 'B';
/** [side, start, end?, text?] → analysed turns in order. */
function call(...turns: [Side, number, number?, string?][]): AnalysedTurn[] {
  return turns.map(([side, start, end, text], index) => {
    const words = text ?? (side === 'A' ? 'let me check that for you' : 'my order has not arrived yet');
    const turn = side === 'C' ? customerTurn(index, words) : side === 'A' ? agentTurn(index, words) : { ...agentTurn(index, words), role: 'bot' as const };
    return { ...turn, start, ...(end !== undefined ? { end } : {}) };
  });
}

const kinds = (turns: AnalysedTurn[]): string[] => judgeTiming(turns, 'en').findings.map((f) => `${f.kind}@${f.turn}>${f.agentTurn}`);

describe('interruptions', () => {
  it('count when the agent starts more than the tolerance before the customer finishes', () => {
    expect(INTERRUPTION_TOLERANCE).toBe(0.5);
    expect(kinds(call(['C', 0, 10], ['A', 9.6, 14]))).toEqual([]);
    expect(kinds(call(['C', 0, 10], ['A', 9.4, 14]))).toEqual(['interruption@0>1']);
  });

  it('name the moment and the overlap', () => {
    const [f] = judgeTiming(call(['C', 60, 70], ['A', 65.5, 72]), 'en').findings;
    expect(f).toMatchObject({ kind: 'interruption', turn: 0, agentTurn: 1, moment: { at: 65.5, seconds: 4.5 } });
    expect(f!.message).toBe('The agent started speaking at 01:06 while the customer was still talking (4.5 s before they finished).');
    expect(f!.evidence).toEqual({ customer: 'my order has not arrived yet', agent: 'let me check that for you' });
  });

  it('are not the agent’s fault when the customer cuts in on the agent', () => {
    expect(kinds(call(['A', 0, 10], ['C', 4, 12]))).toEqual([]);
  });

  it('leave out short backchannels inside the customer’s turn, but not short turns that take the floor', () => {
    expect(kinds(call(['C', 0, 10], ['A', 4, 4.5, 'Mm-hmm.'], ['C', 10.2, 12]))).toEqual([]);
    expect(kinds(call(['C', 0, 10], ['A', 4, 5, 'Right, I see that.']))).toEqual(['interruption@0>1']);
    expect(kinds(call(['C', 0, 10], ['A', 8, 11, 'Okay.']))).toEqual(['interruption@0>1']);
    expect(judgeTiming(call(['C', 0, 10, '我的快递还没到'], ['A', 4, 4.5, '嗯嗯']), 'zh').findings).toEqual([]);
  });
});

describe('dead air', () => {
  it('is a silence longer than the threshold after a customer turn, before the agent speaks', () => {
    expect(DEAD_AIR_THRESHOLD).toBe(8);
    expect(kinds(call(['C', 0, 5], ['A', 13, 15]))).toEqual([]);
    const found = judgeTiming(call(['C', 0, 5], ['A', 13.5, 15]), 'en');
    expect(found.findings.map((f) => [f.kind, f.moment])).toEqual([['dead_air', { at: 5, seconds: 8.5 }]]);
    expect(found.findings[0]!.message).toBe('8.5 s of silence at 00:05 after the customer spoke, before the agent answered.');
  });

  it('is not the agent pausing between their own turns, nor a silence a bot filled', () => {
    expect(kinds(call(['C', 0, 5], ['A', 6, 8], ['A', 20, 22]))).toEqual([]);
    expect(kinds(call(['C', 0, 5], ['B', 6, 8, 'Please hold.'], ['A', 20, 22]))).toEqual([]);
  });
});

describe('call metrics', () => {
  it('give talk time per side, the agent’s share and speaking rate', () => {
    const turns = call(['A', 0, 6, 'one two three four five six'], ['C', 6.5, 10.5], ['A', 11, 17, 'seven eight nine ten eleven twelve [PII]']);
    const { timing } = judgeTiming(turns, 'en');
    expect(timing).toEqual({
      kind: 'call',
      duration: 17,
      talk: { agent: 12, customer: 4 },
      talkRatio: 0.75,
      agentRate: { value: 60, unit: 'words_per_minute' },
      interruptions: 0,
      deadAir: 0,
      longestSilence: 0.5,
    });
  });

  it('count Chinese speaking rate in characters, never redaction tokens', () => {
    expect(spokenUnits('您好，工号[数字x]为您服务 [PII] ***', 'zh')).toBe(8);
    expect(spokenUnits("I'm sorry, [PII] — that's a two-day wait", 'en')).toBe(6);
    const { timing } = judgeTiming(call(['A', 0, 6, '您好，很高兴为您服务'], ['C', 7, 9, '我的快递没到']), 'zh');
    expect(timing).toMatchObject({ kind: 'call', agentRate: { value: 90, unit: 'chars_per_minute' } });
  });

  it('are absent without times, and need both sides', () => {
    expect(judgeTiming([customerTurn(0, 'hi'), agentTurn(1, 'hello')], 'en')).toEqual({ findings: [] });
    expect(judgeTiming(call(['C', 0, 5], ['C', 6, 8]), 'en').timing).toBeUndefined();
  });
});

describe('chat reply latency', () => {
  it('runs from the first message the agent has not answered to the agent’s reply; bots do not answer', () => {
    const turns = call(['B', 100], ['C', 103], ['B', 104], ['C', 110], ['A', 133], ['C', 140], ['A', 150]);
    expect(judgeTiming(turns, 'en')).toEqual({
      timing: { kind: 'chat', duration: 50, responseLatency: { replies: 2, mean: 20, max: 30 } },
      findings: [],
    });
  });

  it('leaves out waits that come out negative (clock times past midnight)', () => {
    const turns = call(['C', 86_390], ['A', 5], ['C', 10], ['A', 14]);
    expect(judgeTiming(turns, 'en').timing).toMatchObject({ kind: 'chat', responseLatency: { replies: 1, mean: 4, max: 4 } });
  });
});

describe('the support call fixture (WebVTT)', () => {
  let result: ConversationResult;
  let chat: ConversationResult;
  beforeAll(async () => {
    const input = await readInputs([fmt('support-call.vtt'), fmt('contact-lens-chat.json')]);
    const analyzer = await createAnalyzer();
    [result, chat] = input.conversations.map((c) => analyzer.analyzeConversation(c)) as [ConversationResult, ConversationResult];
  });

  it('has exactly two interruptions and one long silence, and nothing else about its timing', () => {
    const timingFindings = result.findings.filter((f) => f.kind === 'interruption' || f.kind === 'dead_air');
    expect(timingFindings.map((f) => [f.kind, f.turn, f.agentTurn, f.moment])).toEqual([
      ['interruption', 1, 2, { at: 15.2, seconds: 1.8 }],
      ['dead_air', 7, 8, { at: 35, seconds: 11 }],
      ['interruption', 11, 12, { at: 66, seconds: 3 }],
    ]);
    // The backchannel at 00:22, the 0.2 s overlap at 00:54 and the customer cutting in at 00:51 are not counted.
    expect(result.timing).toEqual({
      kind: 'call',
      duration: 80.5,
      talk: { agent: 35.4, customer: 35.8 },
      talkRatio: 0.5,
      agentRate: { value: 154, unit: 'words_per_minute' },
      interruptions: 2,
      deadAir: 1,
      longestSilence: 11,
    });
  });

  it('loses 5 points per interruption', () => {
    expect(result.scoreParts?.penalty).toBe(10);
    expect(result.score).toBe(Math.round((0.35 * result.scoreParts!.moves + 0.65 * result.scoreParts!.outcome)) - 10);
  });

  it('sums up per agent in the report, calls and chats apart', () => {
    const report = buildReport([result, chat], []);
    expect(report.agents.map((a) => [a.agent, a.timing])).toEqual([
      [
        'Maria',
        {
          calls: 1,
          chats: 0,
          interruptions: 2,
          interruptionsPerCall: 2,
          deadAir: 1,
          talkRatio: 0.5,
          wordsPerMinute: 154,
          charsPerMinute: null,
          responseLatency: null,
        },
      ],
      [
        'Priya',
        {
          calls: 0,
          chats: 1,
          interruptions: 0,
          interruptionsPerCall: null,
          deadAir: 0,
          talkRatio: null,
          wordsPerMinute: null,
          charsPerMinute: null,
          // The customer's first unanswered message (09:01:02.5) to Priya's reply (09:01:43.7), then 09:01:55 → 09:02:05.2.
          responseLatency: { replies: 2, mean: 25.7, max: 41.2 },
        },
      ],
    ]);
  });
});
