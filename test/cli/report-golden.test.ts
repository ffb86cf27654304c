// Golden files for md, csv and junit, rendered by `heard report` from a frozen JSON report of the report fixtures
// (fixtures/report/report.json), so tuning the detectors does not move them. UPDATE_SNAPSHOT=1 rewrites them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, heard, ROOT } from '../report/run-heard.js';

const FIXTURES = join(ROOT, 'fixtures/report');
const CASES: [name: string, args: string[]][] = [
  ['report.md', []],
  ['report.csv', []],
  ['report-turn.csv', ['--csv-level', 'turn']],
  ['report-agent.csv', ['--csv-level', 'agent']],
  ['report-finding.csv', ['--csv-level', 'finding']],
  ['report.junit.xml', ['--fail-under', '50', '--fail-on', 'missing']],
];
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'heard-golden-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('golden reports', () => {
  it.each(CASES)('%s', (name, args) => {
    const out = join(tmp, name);
    const run = heard(['report', 'fixtures/report/report.json', '--out', out, ...args]);
    expect([0, 1]).toContain(run.status);
    const actual = readFileSync(out, 'utf8');
    const golden = join(FIXTURES, 'golden', name);
    if (process.env.UPDATE_SNAPSHOT) writeFileSync(golden, actual);
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });
});
