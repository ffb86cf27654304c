// heard report: shards analysed separately and merged give the report of one run over all inputs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, heard } from '../report/run-heard.js';

const SHARDS = ['fixtures/report/shard-a', 'fixtures/report/shard-b'];
let tmp: string;
let whole: unknown;

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'heard-merge-'));
  const run = heard(['analyze', ...SHARDS, '--format', 'json']);
  expect(run.status, run.stderr).toBe(0);
  whole = JSON.parse(run.stdout);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function analyseShards(format: 'json' | 'jsonl'): string[] {
  return SHARDS.map((shard, i) => {
    const out = join(tmp, `shard-${i}.${format}`);
    const run = heard(['analyze', shard, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    return out;
  });
}

describe('heard report', () => {
  it('merging the JSON reports of two shards equals one run over all inputs, skipped items included', () => {
    const run = heard(['report', ...analyseShards('json'), '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(whole);
    expect((whole as { summary: { skipped: unknown[] } }).summary.skipped).toHaveLength(1);
  });

  it('merging JSONL results equals it too, except what JSONL does not carry: skipped items and the config', () => {
    const run = heard(['report', ...analyseShards('jsonl'), '--format', 'json']);
    expect(run.status, run.stderr).toBe(0);
    const merged = JSON.parse(run.stdout);
    const expected = structuredClone(whole) as { summary: { skipped: unknown[] }; config?: unknown };
    expected.summary.skipped = [];
    delete expected.config;
    expect(merged).toEqual(expected);
  });

  it('renders every format from merged input, with thresholds and exit codes like analyze', () => {
    const shards = analyseShards('jsonl');
    const run = heard(['report', ...shards, '--out', join(tmp, 'm.html'), '--out', join(tmp, 'm.junit.xml'), '--fail-on', 'missing']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/conversation\(s\) miss a needed move/u);
    expect(readFileSync(join(tmp, 'm.html'), 'utf8')).toContain('<!doctype html>');
    expect(readFileSync(join(tmp, 'm.junit.xml'), 'utf8')).toContain('<failure message=');
  });

  it('warns when shards overlap', () => {
    const [a] = analyseShards('jsonl');
    const run = heard(['report', a!, a!, '--format', 'json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/conversation A-1 \(.*\) is in both/u);
  });

  it('exits 2 with a clear message on input that is not heard output, or of another schemaVersion', () => {
    const transcript = heard(['report', 'fixtures/report/shard-a/chat-en.txt']);
    expect(transcript.status).toBe(2);
    expect(transcript.stderr).toContain('is not heard output');
    const v2 = join(tmp, 'v2.json');
    writeFileSync(v2, JSON.stringify({ ...(whole as object), schemaVersion: 2 }));
    const run = heard(['report', v2]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('schemaVersion 2, and this heard reads schemaVersion 1');
  });
});
