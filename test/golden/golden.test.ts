// Golden cases: small hand-written transcripts (fixtures/golden/<case>/input.*) run through the BUILT CLI with
// --format json; a stable projection of the report is compared to fixtures/golden/<case>/expected.json.
//
// Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden`, then READ every changed expected.json and
// check the judgement against the transcript before keeping it. Cases in KNOWN_DEFECTS hold the CORRECT
// judgement (written by hand, a QA analyst's view), which the analyzer does not produce yet: they are
// expected to fail, and UPDATE_GOLDEN never overwrites them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'heard.js');
const GOLDEN = join(ROOT, 'fixtures', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Cases whose expected.json is right and the analyzer is wrong: case → the defect. */
const KNOWN_DEFECTS: Record<string, string> = {};

interface Projection {
  summary: { conversations: number; scored: number; score: number | null; skipped: number };
  conversations: {
    id: string;
    agent: string;
    language: string;
    score: number | null;
    moves: Record<string, string>;
    findings: { kind: string; move?: string; flag?: string; turn: number; agentTurn?: number }[];
  }[];
  agents: { agent: string; score: number | null; moves: Record<string, number | null> }[];
}

type Json = any;

function project(report: Json): Projection {
  return {
    summary: {
      conversations: report.summary.conversations,
      scored: report.summary.scored,
      score: report.summary.score,
      skipped: report.summary.skipped.length,
    },
    conversations: report.conversations.map((c: Json) => ({
      id: c.id,
      agent: c.agent,
      language: c.language,
      score: c.score,
      moves: c.moves,
      findings: c.findings.map((f: Json) => ({
        kind: f.kind,
        ...(f.move ? { move: f.move } : { flag: f.flag }),
        turn: f.turn,
        agentTurn: f.agentTurn,
      })),
    })),
    agents: report.agents.map((a: Json) => ({
      agent: a.agent,
      score: a.score,
      moves: Object.fromEntries(Object.entries(a.moves as Record<string, { rate: number | null }>).map(([move, rate]) => [move, rate.rate])),
    })),
  };
}

function runCase(dir: string): Projection {
  const input = readdirSync(dir).find((name) => name.startsWith('input.'));
  if (!input) throw new Error(`${dir} has no input.* file`);
  const run = spawnSync(process.execPath, [BIN, 'analyze', join(dir, input), '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`heard exited ${run.status}:\n${run.stderr}`);
  return project(JSON.parse(run.stdout));
}

const cases = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

beforeAll(() => {
  if (!existsSync(BIN)) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
}, 180_000);

describe('golden transcripts', () => {
  it('has 4 to 6 cases, each with an input and an expected.json, every known defect naming a real case', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
    expect(cases.length).toBeLessThanOrEqual(6);
    for (const name of Object.keys(KNOWN_DEFECTS)) expect(cases).toContain(name);
    if (!UPDATE) for (const name of cases) expect(existsSync(join(GOLDEN, name, 'expected.json')), name).toBe(true);
  });

  for (const name of cases) {
    const dir = join(GOLDEN, name);
    const expectedFile = join(dir, 'expected.json');
    const defect = KNOWN_DEFECTS[name];
    const test = defect && !UPDATE ? it.fails : it;
    if (defect && !UPDATE) {
      // The part of a known-defect case not in dispute must still hold, so a crash cannot pass as the defect.
      it(`${name}: reads the same conversations, agents and languages`, () => {
        const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Projection;
        const pick = (p: Projection) => p.conversations.map((c) => [c.id, c.agent, c.language]);
        expect(pick(runCase(dir))).toEqual(pick(expected));
      }, 60_000);
    }
    test(defect ? `${name} (known defect, see KNOWN_DEFECTS)` : name, () => {
      const actual = runCase(dir);
      if (UPDATE) {
        if (defect) {
          // The hand-written expectation is the correct one: never overwrite it with the analyzer's answer.
          console.warn(`golden: ${name} not updated (known defect)`);
          return;
        }
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        return;
      }
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Projection;
      expect(actual).toEqual(expected);
    }, 60_000);
  }
});
