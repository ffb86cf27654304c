// heard analyze with several --out files, --baseline with deltas and --fail-on-drop, and heard explain.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, heard } from '../report/run-heard.js';

const CORPUS = ['fixtures/report/shard-a', 'fixtures/report/shard-b'];
let tmp: string;
let baseline: string;
let report: { summary: { score: number }; agents: { agent: string; score: number; scored: number }[] };

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'heard-outputs-'));
  baseline = join(tmp, 'baseline.json');
  const run = heard(['analyze', ...CORPUS, '--out', baseline]);
  expect(run.status, run.stderr).toBe(0);
  report = JSON.parse(readFileSync(baseline, 'utf8'));
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The baseline with the given scores changed, written to a file. */
function previous(changes: { overall?: number; agents?: Record<string, number> }): string {
  const copy = structuredClone(report);
  if (changes.overall !== undefined) copy.summary.score = changes.overall;
  for (const agent of copy.agents) if (changes.agents?.[agent.agent] !== undefined) agent.score = changes.agents[agent.agent]!;
  const file = join(tmp, `previous-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(copy));
  return file;
}

describe('--out, repeated', () => {
  it('writes every format from the extension, nothing on stdout', () => {
    const outs = ['r.html', 'r.md', 'r.csv', 'r.junit.xml', 'r.json', 'r.jsonl'].map((f) => join(tmp, f));
    const run = heard(['analyze', ...CORPUS, ...outs.flatMap((o) => ['--out', o]), '--csv-level', 'agent']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    const [html, md, csv, junit, json, jsonl] = outs.map((o) => readFileSync(o, 'utf8'));
    expect(html).toMatch(/^<!doctype html>/u);
    expect(md).toMatch(/^# heard report/u);
    expect(csv).toMatch(/^\uFEFFagent,conversations,/u);
    expect(junit).toMatch(/^<\?xml/u);
    expect(JSON.parse(json!).summary.conversations).toBe(5);
    expect(jsonl!.trim().split('\n')).toHaveLength(5);
  });

  it('exits 2 on an extension without a format, or one that contradicts --format', () => {
    const unknown = heard(['analyze', ...CORPUS, '--out', join(tmp, 'r.txt')]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('cannot tell the format of --out');
    expect(heard(['analyze', ...CORPUS, '--out', join(tmp, 'r.txt'), '--format', 'md']).status).toBe(0);
    const conflict = heard(['analyze', ...CORPUS, '--format', 'json', '--out', join(tmp, 'r.html')]);
    expect(conflict.status).toBe(2);
    expect(conflict.stderr).toContain('--format json conflicts with --out');
  });

  it('rejects an empty threshold instead of reading it as 0', () => {
    expect(heard(['analyze', ...CORPUS, '--format', 'json', '--fail-under', '']).status).toBe(2);
  });
});

// Scores as heard prints them; the expectations follow the corpus's scores, so detector tuning does not break them.
const label = (n: number) => (n % 1 === 0 ? String(n) : n.toFixed(1));
const alice = () => report.agents.find((a) => a.agent === 'Alice')!.score;

describe('--baseline', () => {
  it('shows ↑/↓ per agent and overall in the table, Markdown and HTML', () => {
    const file = previous({ overall: report.summary.score - 3, agents: { Alice: alice() + 4.5 } });
    const md = join(tmp, 'b.md');
    const html = join(tmp, 'b.html');
    const run = heard(['analyze', ...CORPUS, '--baseline', file, '--out', md, '--out', html]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain(`**Overall score ${label(report.summary.score)}** ↑3 against`);
    expect(readFileSync(md, 'utf8')).toContain(`| Alice | 2 | ${label(alice())} | ↓4.5 |`);
    expect(readFileSync(html, 'utf8')).toContain('<span class="delta down">↓4.5</span>');
    const table = heard(['analyze', ...CORPUS, '--baseline', file, '--format', 'table']);
    expect(table.stdout).toContain(`overall score ${label(report.summary.score)} ↑3 against ${file}`);
    expect(table.stdout).toMatch(new RegExp(`Alice\\s+│ 2\\s+│ ${label(alice()).replace('.', '\\.')} ↓4\\.5`, 'u'));
  });

  it('--fail-on-drop exits 1 on an overall drop of more than N, naming it', () => {
    const run = heard(['analyze', ...CORPUS, '--format', 'json', '--baseline', previous({ overall: report.summary.score + 6 }), '--fail-on-drop', '5']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('overall score dropped 6 points');
    expect(heard(['analyze', ...CORPUS, '--format', 'json', '--baseline', previous({ overall: report.summary.score + 4 }), '--fail-on-drop', '5']).status).toBe(0);
  });

  it('--fail-on-drop checks an agent only with --min-conversations scored conversations (default 5)', () => {
    const file = previous({ agents: { Alice: alice() + 8.5 } }); // Alice has 2 scored conversations
    expect(heard(['analyze', ...CORPUS, '--format', 'json', '--baseline', file, '--fail-on-drop', '5']).status).toBe(0);
    const run = heard(['analyze', ...CORPUS, '--format', 'json', '--baseline', file, '--fail-on-drop', '5', '--min-conversations', '2']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`agent Alice dropped 8.5 points (${label(alice() + 8.5)} → ${label(alice())})`);
  });

  it('exits 2 with a clear message on another schemaVersion, a non-report, or --fail-on-drop alone', () => {
    const v2 = join(tmp, 'v2.json');
    writeFileSync(v2, JSON.stringify({ ...report, schemaVersion: 2 }));
    const mismatch = heard(['analyze', ...CORPUS, '--baseline', v2]);
    expect(mismatch.status).toBe(2);
    expect(mismatch.stderr).toBe(`heard: --baseline ${v2}: the report has schemaVersion 2, and this heard reads schemaVersion 1; compare and merge reports written by the same schema version\n`);
    const notReport = heard(['analyze', ...CORPUS, '--baseline', 'fixtures/report/shard-a/chat-en.txt']);
    expect(notReport.status).toBe(2);
    expect(notReport.stderr).toContain('is not a heard JSON report');
    const alone = heard(['analyze', ...CORPUS, '--fail-on-drop', '5']);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('--fail-on-drop needs --baseline');
  });
});

describe('heard explain', () => {
  it('annotates a transcript turn by turn, the missing move at the reply that missed it', () => {
    const run = heard(['explain', 'fixtures/report/shard-a/chat-en.txt', '--conversation', 'A-2']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^A-2 · agent Bob · fixtures\/report\/shard-a\/chat-en\.txt:9 · en\n/u);
    const reply = run.stdout.slice(run.stdout.indexOf('[1]'), run.stdout.indexOf('[2]'));
    expect(reply).toContain('agent Bob: [As I said,');
    expect(reply).toContain('⚑ negative_language');
    expect(reply).toContain('✗ missing acknowledgement (needed since turn 0)');
    expect(run.stdout).not.toContain('why:');
  });

  it('--why prints the reason for each judgement; a heard report is explained as it was judged', () => {
    const fromReport = heard(['explain', baseline, '--conversation', 'A-2', '--why']);
    expect(fromReport.status, fromReport.stderr).toBe(0);
    expect(fromReport.stdout).toMatch(/why: "as i said" — /u);
    expect(fromReport.stdout).toContain('why: The customer needed to feel heard');
    expect(heard(['explain', 'fixtures/report/shard-a/chat-en.txt', '--conversation', 'A-2', '--why']).stdout).toBe(fromReport.stdout);
  });

  it('exits 2 naming the conversations there are when the id is not in the file', () => {
    const run = heard(['explain', 'fixtures/report/shard-a/chat-en.txt', '--conversation', 'nope']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('heard: no conversation nope in fixtures/report/shard-a/chat-en.txt; it has A-1, A-2\n');
  });
});
