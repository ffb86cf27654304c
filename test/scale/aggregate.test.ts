// The streaming accumulator behind buildReport: results that arrive from worker threads as digests (structured-
// cloned) add up exactly as the results themselves, per agent and for the team, so a streamed run, a one-pass run
// and heard report over shards agree. The numbers themselves are checked in test/score/score.test.ts.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { readInputs } from '../../src/ingest/read.js';
import type { ConversationResult } from '../../src/model/analysis.js';
import { ReportAccumulator } from '../../src/report/aggregate.js';
import { CORE_MOVES } from '../../src/model/analysis.js';
import { digestOf, summariseAgent } from '../../src/score/agent.js';
import { StockCounter } from '../../src/detect/canned.js';
import { testResults } from '../report/helpers.js';

async function analysed(paths: string[]): Promise<ConversationResult[]> {
  const analyzer = await createAnalyzer();
  return (await readInputs(paths)).conversations.map((c) => analyzer.analyzeConversation(c));
}

function expectSameAggregates(results: ConversationResult[]): void {
  const accumulator = new ReportAccumulator();
  // Through the digest, as results arriving from a worker thread are added (structured-cloned).
  for (const result of results) accumulator.addDigest(structuredClone(digestOf(result)));
  const direct = new ReportAccumulator();
  for (const result of results) direct.add(result);
  const agents = [...new Set(results.map((r) => r.agent))].sort();
  expect(accumulator.agentSummaries()).toEqual(direct.agentSummaries());
  expect(accumulator.agentSummaries()).toEqual(agents.map((agent) => summariseAgent(agent, results.filter((r) => r.agent === agent))));
  // The team's rates, counted here independently of the accumulator.
  for (const move of CORE_MOVES) {
    const statuses = results.map((r) => r.moves[move]).filter((s) => s !== 'not_expected');
    expect(accumulator.teamMoves()[move]).toMatchObject({ expected: statuses.length, met: statuses.filter((s) => s === 'present').length, late: statuses.filter((s) => s === 'late').length });
  }
  expect(accumulator.conversations).toBe(results.length);
  expect(accumulator.missing).toBe(results.filter((r) => Object.values(r.moves).includes('missing')).length);
}

describe('ReportAccumulator', () => {
  it('equals summariseAgent on the test report, every finding kind and timing included', () => {
    expectSameAggregates(testResults());
  });

  it('equals summariseAgent on analysed transcripts of every format, calls and chats', async () => {
    expectSameAggregates(await analysed(['fixtures/samples', 'fixtures/formats', 'fixtures/report', 'fixtures/ingest']));
  }, 60_000);

  it('finds stock phrases across many conversations of one agent', async () => {
    const [base] = await analysed(['fixtures/samples/conversations.jsonl']);
    const many = Array.from({ length: 40 }, (_, i) => ({ ...structuredClone(base!), id: `S-${i}`, agent: 'Stock' }));
    expectSameAggregates(many);
    const acc = new ReportAccumulator();
    many.forEach((r) => acc.add(r));
    expect(acc.agentSummaries()[0]!.cannedPhrases.length).toBeGreaterThan(0);
  });
});

describe('StockCounter', () => {
  it('counts exactly while an agent has used few distinct sentences', () => {
    const stock = new StockCounter();
    for (let i = 0; i < 50; i++) {
      stock.add('sorry for the inconvenience', 'Sorry for the inconvenience.');
      if (i % 10 === 0) stock.add(`once ${i}`, `Once ${i}.`);
      if (i % 2 === 0) stock.add('i understand', 'I understand.');
    }
    expect(stock.phrases(50)).toEqual([
      { phrase: 'Sorry for the inconvenience.', conversations: 50 },
      { phrase: 'I understand.', conversations: 25 },
    ]);
  });

  it('stays bounded among thousands of one-off sentences and still finds the pasted ones, never overstating them', () => {
    const stock = new StockCounter();
    const conversations = 20_000;
    for (let i = 0; i < conversations; i++) {
      stock.add(`sorry your order ${i} is late`, `Sorry your order ${i} is late.`);
      if (i % 4 === 0) stock.add('sorry for the inconvenience', 'Sorry for the inconvenience.');
      if (i % 40 === 0) stock.add('i completely understand', 'I completely understand.');
    }
    expect((stock as unknown as { counters: Map<string, unknown> }).counters.size).toBeLessThanOrEqual(100);
    const found = stock.phrases(conversations);
    expect(found.map((p) => p.phrase)).toEqual(['Sorry for the inconvenience.', 'I completely understand.']);
    expect(found[0]!.conversations).toBeLessThanOrEqual(5_000);
    expect(found[0]!.conversations).toBeGreaterThanOrEqual(5_000 - conversations / 100);
    expect(found[1]!.conversations).toBeLessThanOrEqual(500);
    expect(found[1]!.conversations).toBeGreaterThanOrEqual(500 - conversations / 100);
  });
});
