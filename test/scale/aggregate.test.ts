// The streaming accumulator behind buildReport gives exactly summariseAgent's numbers (src/score/agent.ts), so a
// streamed run, a one-pass run and heard report over shards agree.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { readInputs } from '../../src/ingest/read.js';
import type { ConversationResult } from '../../src/model/analysis.js';
import { digestOf, ReportAccumulator } from '../../src/report/aggregate.js';
import { summariseAgent } from '../../src/score/agent.js';
import { testResults } from '../report/helpers.js';

async function analysed(paths: string[]): Promise<ConversationResult[]> {
  const analyzer = await createAnalyzer();
  return (await readInputs(paths)).conversations.map((c) => analyzer.analyzeConversation(c));
}

function expectSameAggregates(results: ConversationResult[]): void {
  const accumulator = new ReportAccumulator();
  // Through the digest, as results arriving from a worker thread are added (structured-cloned).
  for (const result of results) accumulator.addDigest(structuredClone(digestOf(result)));
  const agents = [...new Set(results.map((r) => r.agent))].sort();
  expect(accumulator.agentSummaries()).toEqual(agents.map((agent) => summariseAgent(agent, results.filter((r) => r.agent === agent))));
  expect(accumulator.teamMoves()).toEqual(summariseAgent('team', results).moves);
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
