import { describe, expect, it } from 'vitest';
import { parseHeardOutput } from '../../src/report/load.js';
import { reportFailures } from '../../src/report/thresholds.js';
import { createTestReport } from './helpers.js';

describe('baseline deltas', () => {
  it('gives the overall score and every agent in both reports a delta; new agents get none', () => {
    const previous = createTestReport();
    previous.summary.score = 70;
    previous.agents = previous.agents.filter((a) => a.agent !== 'Bob').map((a) => ({ ...a, score: a.agent === 'Alice' ? 95 : a.score }));
    const report = createTestReport({ file: 'prev.json', report: previous });
    expect(report.summary.baseline).toEqual({ file: 'prev.json', score: 70, scored: 3, delta: -8.3 });
    expect(report.agents.map((a) => [a.agent, a.baseline?.delta])).toEqual([['Alice', -5], ['Bob', undefined], ['小美', 0]]);
  });
});

describe('thresholds', () => {
  const dropped = (minConversations: number) => {
    const previous = createTestReport();
    previous.summary.score = 70;
    previous.agents[0]!.score = 100; // Alice: 100 → 90, with 1 scored conversation in each report
    return reportFailures(createTestReport({ file: 'prev.json', report: previous }), { failOnDrop: 5, minConversations });
  };

  it('--fail-on-drop: the overall score always, agents only with enough scored conversations on both sides', () => {
    expect(dropped(5)).toEqual(['overall score dropped 8.3 points (70 → 61.7), more than --fail-on-drop 5']);
    expect(dropped(1)).toEqual([
      'overall score dropped 8.3 points (70 → 61.7), more than --fail-on-drop 5',
      'agent Alice dropped 10 points (100 → 90), more than --fail-on-drop 5',
    ]);
  });

  it('a drop of exactly N is not more than N', () => {
    const previous = createTestReport();
    previous.summary.score = 66.7;
    expect(reportFailures(createTestReport({ file: 'p', report: previous }), { failOnDrop: 5, minConversations: 5 })).toEqual([]);
  });

  it('--fail-under and --fail-on missing', () => {
    const report = createTestReport();
    expect(reportFailures(report, { failUnder: 61.7, minConversations: 5 })).toEqual([]);
    expect(reportFailures(report, { failUnder: 62, failOnMissing: true, minConversations: 5 })).toEqual([
      'overall score 61.7 is below --fail-under 62',
      '2 conversation(s) miss a needed move (--fail-on missing)',
    ]);
  });
});

describe('reading heard output back', () => {
  it('reads a JSON report and JSONL results; anything else is not heard output', () => {
    const report = createTestReport();
    expect(parseHeardOutput(`\uFEFF${JSON.stringify(report)}`)).toEqual({ kind: 'report', report });
    const jsonl = report.conversations.map((c) => JSON.stringify(c)).join('\n');
    expect(parseHeardOutput(`${jsonl}\n`)).toEqual({ kind: 'results', conversations: report.conversations });
    expect(parseHeardOutput('{"id": "T-1", "turns": [{"role": "customer", "text": "Hi"}]}')).toBeUndefined();
    expect(parseHeardOutput('Customer: hello')).toBeUndefined();
  });

  it('refuses another schemaVersion with a clear reason, and a bad JSONL line by number', () => {
    const other = { ...createTestReport(), schemaVersion: 2 };
    expect(parseHeardOutput(JSON.stringify(other))).toEqual({
      kind: 'unreadable',
      reason: 'the report has schemaVersion 2, and this heard reads schemaVersion 1; compare and merge reports written by the same schema version',
    });
    const [first] = createTestReport().conversations;
    expect(parseHeardOutput(`${JSON.stringify(first)}\n{"oops": 1}\n`)).toEqual({ kind: 'unreadable', reason: expect.stringMatching(/^line 2 /u) });
  });
});
