// docs/ci.md's nightly workflows: the YAML cannot run here, so the test reads it, checks the wiring (artefacts,
// JUnit, baseline kept even on failure) and runs its heard script for three nights against the built binary.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { junitProblems, parseXml } from '../report/junit-schema.js';
import { BIN, ensureBuilt, ROOT } from '../report/run-heard.js';

interface Step { uses?: string; run?: string; if?: string; with?: Record<string, unknown> }
const blocks = [...readFileSync(join(ROOT, 'docs/ci.md'), 'utf8').matchAll(/```yaml\n([\s\S]*?)```/gu)].map((m) => parse(m[1]!));
const github = blocks.find((b) => b.jobs)!;
const gitlab = blocks.find((b) => b['heard-nightly'])!;
const steps: Step[] = github.jobs.heard.steps;
const githubScript = steps.find((s) => s.run?.includes('npx heard'))!.run!;
const gitlabScript = (gitlab['heard-nightly'].script as string[]).find((s) => s.includes('npx heard'))!;

let workspace: string;
beforeAll(() => {
  ensureBuilt();
  workspace = mkdtempSync(join(tmpdir(), 'heard-ci-'));
  const night1 = join(workspace, 'exports', 'night-1');
  for (const shard of ['shard-a', 'shard-b']) cpSync(join(ROOT, 'fixtures/report', shard), night1, { recursive: true });
  cpSync(join(ROOT, 'fixtures/report/night-bad'), join(workspace, 'exports', 'night-2'), { recursive: true });
}, 60_000);
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

/** One night of the workflow: its script, with `npx heard` meaning the binary built from this checkout. */
function night(exportDir: string) {
  const script = githubScript.replaceAll('npx heard', `node ${JSON.stringify(BIN)}`);
  // CI shells run with errexit (GitHub: bash -e; GitLab: the same), so the script must survive heard's exit 1.
  return spawnSync('bash', ['-e', '-c', script], { cwd: workspace, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', EXPORT_DIR: exportDir }, timeout: 90_000 });
}
const file = (path: string) => join(workspace, path);

describe('docs/ci.md nightly workflows', () => {
  it('GitHub and GitLab run the same heard script', () => {
    expect(gitlabScript.trim()).toBe(githubScript.trim());
  });

  it('publish the HTML and JUnit reports and keep the baseline even when the job fails', () => {
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))).toMatchObject({ if: 'always()', with: { path: 'reports/' } });
    expect(steps.find((s) => s.uses?.startsWith('actions/cache/save'))).toMatchObject({ if: 'always()', with: { path: 'baseline' } });
    const job = gitlab['heard-nightly'];
    expect(job.artifacts).toMatchObject({ when: 'always', paths: ['reports/'], reports: { junit: 'reports/heard.junit.xml' } });
    expect(job.cache).toMatchObject({ paths: ['baseline/'], when: 'always' });
    for (const out of ['reports/heard.html', 'reports/heard.junit.xml', 'reports/heard.json']) expect(githubScript).toContain(`--out ${out}`);
  });

  it('night 1: no baseline yet; writes every report and keeps the JSON as the baseline', () => {
    const run = night('exports/night-1');
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(file('reports/heard.html'), 'utf8')).toContain('<!doctype html>');
    expect(junitProblems(parseXml(readFileSync(file('reports/heard.junit.xml'), 'utf8')))).toEqual([]);
    expect(readFileSync(file('reports/heard.md'), 'utf8')).toMatch(/^# heard report/u);
    expect(readFileSync(file('baseline/heard.json'), 'utf8')).toBe(readFileSync(file('reports/heard.json'), 'utf8'));
  });

  it('night 2: the scores drop; the job fails on the drop, still publishes, and tonight becomes the baseline', () => {
    const before = JSON.parse(readFileSync(file('baseline/heard.json'), 'utf8'));
    const run = night('exports/night-2');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/heard: overall score dropped [\d.]+ points \([\d.]+ → [\d.]+\), more than --fail-on-drop 5/u);
    const report = JSON.parse(readFileSync(file('reports/heard.json'), 'utf8'));
    expect(report.summary.baseline).toMatchObject({ file: 'baseline/heard.json', score: before.summary.score });
    expect(report.summary.baseline.delta).toBeLessThan(-5);
    expect(readFileSync(file('reports/heard.md'), 'utf8')).toMatch(/\*\*Overall score [\d.]+\*\* ↓/u);
    expect(readFileSync(file('baseline/heard.json'), 'utf8')).toBe(readFileSync(file('reports/heard.json'), 'utf8'));
  });

  it('night 3: the export is missing; exit 2, and the baseline is left alone', () => {
    const before = readFileSync(file('baseline/heard.json'), 'utf8');
    mkdirSync(file('exports/night-3'), { recursive: true });
    const run = night('exports/night-3');
    expect(run.status).toBe(2);
    expect(existsSync(file('baseline/heard.json'))).toBe(true);
    expect(readFileSync(file('baseline/heard.json'), 'utf8')).toBe(before);
  });
});
