// The built binary, as a user runs it: exit codes, output formats, files, stdin and error messages.
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'heard.js');
const SAMPLES = 'fixtures/samples';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function heard(args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    timeout: 60_000,
  });
}

interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  summary: { conversations: number; scored: number; agents: number; turns: number; score: number | null; skipped: { source: string; reason: string }[] };
  agents: { agent: string; conversations: number; score: number | null }[];
  conversations: {
    id: string;
    agent: string;
    source: string;
    language: string;
    score: number | null;
    moves: Record<string, string>;
    findings: unknown[];
    turns: unknown[];
  }[];
}

let tmp: string;
let samplesJson: Report;

beforeAll(() => {
  if (!existsSync(BIN)) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }
  tmp = mkdtempSync(join(tmpdir(), 'heard-cli-'));
  const run = heard(['analyze', SAMPLES, '--format', 'json']);
  expect(run.status, run.stderr).toBe(0);
  samplesJson = JSON.parse(run.stdout) as Report;
}, 180_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const SMALL_JSONL = [
  {
    id: 'S-1',
    agent: 'Robin',
    language: 'en',
    turns: [
      { role: 'customer', text: "I've been charged twice and nobody answers my emails!" },
      { role: 'agent', text: "I'm so sorry, I can see how frustrating that is. I've refunded the second charge just now." },
      { role: 'customer', text: 'Great, thank you!' },
    ],
  },
  {
    id: 'S-2',
    agent: 'Robin',
    turns: [
      { role: 'customer', text: '我的快递三天了还没到，太让人着急了' },
      { role: 'agent', text: '请提供订单号' },
    ],
  },
]
  .map((c) => JSON.stringify(c))
  .join('\n');

describe('heard --version / --help', () => {
  it('--version prints the package.json version and exits 0', () => {
    const run = heard(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
    expect(run.stderr).toBe('');
  });

  it('-v is the same as --version', () => {
    expect(heard(['-v']).stdout.trim()).toBe(VERSION);
  });

  it('--help exits 0 and describes the analyze command', () => {
    const run = heard(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: heard');
    expect(run.stdout).toContain('analyze');
  });

  it('analyze --help exits 0 and lists the options', () => {
    const run = heard(['analyze', '--help']);
    expect(run.status).toBe(0);
    for (const option of ['--format', '--out', '--fail-under', '--lang', '--input-format']) expect(run.stdout).toContain(option);
  });
});

describe('heard analyze --format json', () => {
  it('is a schemaVersion 1 report from heard, with the package version', () => {
    expect(samplesJson.schemaVersion).toBe(1);
    expect(samplesJson.tool).toEqual({ name: 'heard', version: VERSION });
  });

  it('has summary counts consistent with the conversations and agents', () => {
    const { summary, conversations, agents } = samplesJson;
    expect(conversations.length).toBeGreaterThanOrEqual(10);
    expect(summary.conversations).toBe(conversations.length);
    const scores = conversations.map((c) => c.score).filter((s): s is number => s !== null);
    expect(summary.scored).toBe(scores.length);
    expect(summary.turns).toBe(conversations.reduce((n, c) => n + c.turns.length, 0));
    expect(summary.agents).toBe(agents.length);
    expect(new Set(conversations.map((c) => c.agent)).size).toBe(agents.length);
    expect(summary.score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 1);
    expect(summary.skipped).toEqual([]);
    for (const agent of agents) expect(agent.conversations).toBe(conversations.filter((c) => c.agent === agent.agent).length);
    expect(agents.map((a) => a.agent)).toEqual([...agents.map((a) => a.agent)].sort());
  });

  it('gives every conversation its id, agent, source, language, score, moves, findings and turns', () => {
    for (const c of samplesJson.conversations) {
      expect(typeof c.id).toBe('string');
      expect(typeof c.agent).toBe('string');
      expect(c.source).toMatch(/^fixtures\/samples\/[^/]+[:#]\d+$/);
      expect(['en', 'zh']).toContain(c.language);
      expect(c.score === null || (Number.isInteger(c.score) && c.score >= 0 && c.score <= 100)).toBe(true);
      expect(Object.keys(c.moves).sort()).toEqual(['acknowledgement', 'paraphrase', 'solution']);
      expect(Array.isArray(c.findings)).toBe(true);
      expect(c.turns.length).toBeGreaterThan(0);
    }
    expect(new Set(samplesJson.conversations.map((c) => c.id)).size).toBe(samplesJson.conversations.length);
  });

  it('reads every sample format and both languages', () => {
    const languages = new Set(samplesJson.conversations.map((c) => c.language));
    expect(languages).toEqual(new Set(['en', 'zh']));
    const files = new Set(samplesJson.conversations.map((c) => c.source.replace(/[:#]\d+$/, '')));
    expect(files).toEqual(
      new Set(['chat-en.txt', 'chat-zh-tw.txt', 'chat-zh.txt', 'conversations.jsonl', 'tickets-en.csv'].map((f) => `fixtures/samples/${f}`)),
    );
  });

  it('is JSON by default when stdout is not a terminal', () => {
    const run = heard(['analyze', SAMPLES]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(samplesJson);
  });
});

describe('heard analyze --format jsonl', () => {
  it('writes one conversation object per line, as many as the conversations', () => {
    const run = heard(['analyze', SAMPLES, '--format', 'jsonl']);
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(samplesJson.conversations.length);
    const objects = lines.map((line) => JSON.parse(line) as Report['conversations'][number]);
    expect(objects.map((o) => o.id)).toEqual(samplesJson.conversations.map((c) => c.id));
    expect(objects).toEqual(samplesJson.conversations);
  });
});

describe('heard analyze --out', () => {
  it('writes the report to the file and nothing to stdout', () => {
    const out = join(tmp, 'report.json');
    const run = heard(['analyze', SAMPLES, '--format', 'json', '--out', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(samplesJson);
  });

  it('exits 2 with a message when the file cannot be written', () => {
    const out = join(tmp, 'no-such-dir', 'report.json');
    const run = heard(['analyze', SAMPLES, '--format', 'json', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(out);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('heard analyze --fail-under', () => {
  it('rejects a threshold above 100 with exit 2 and a message', () => {
    const run = heard(['analyze', SAMPLES, '--fail-under', '101']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--fail-under/);
    expect(run.stderr).toMatch(/0 to 100/);
    expect(run.stdout).toBe('');
  });

  it.each([['-1'], ['abc'], ['100.5']])('rejects %j with exit 2', (value) => {
    const run = heard(['analyze', SAMPLES, '--fail-under', value]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/fail-under|argument/);
  });

  it.each([[''], [' ']])('rejects an empty threshold %j with exit 2 (not read as 0)', (value) => {
    const run = heard(['analyze', SAMPLES, '--format', 'json', '--fail-under', value]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/0 to 100/);
    expect(run.stdout).toBe('');
  });

  it('exits 1 when the overall score is below the threshold, still writing the report', () => {
    expect(samplesJson.summary.score).not.toBeNull();
    expect(samplesJson.summary.score!).toBeLessThan(100);
    const run = heard(['analyze', SAMPLES, '--format', 'json', '--fail-under', '100']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`overall score ${samplesJson.summary.score} is below --fail-under 100`);
    expect(JSON.parse(run.stdout).summary.score).toBe(samplesJson.summary.score);
  });

  it('exits 0 when the threshold is met', () => {
    expect(heard(['analyze', SAMPLES, '--format', 'json', '--fail-under', '0']).status).toBe(0);
    const exact = Math.floor(samplesJson.summary.score!);
    expect(heard(['analyze', SAMPLES, '--format', 'json', '--fail-under', String(exact)]).status).toBe(0);
  });

  it('exits 0 when nothing was scored (no overall score to compare)', () => {
    const smallTalk = JSON.stringify({ id: 'ST', agent: 'Robin', language: 'en', turns: [{ role: 'customer', text: 'Hi there.' }, { role: 'agent', text: 'Hello!' }] });
    const run = heard(['analyze', '-', '--format', 'json', '--fail-under', '100'], smallTalk);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ conversations: 1, scored: 0, score: null });
  });
});

describe('heard usage and input errors', () => {
  it('exits 2 on an unknown option', () => {
    const run = heard(['analyze', SAMPLES, '--bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option '--bogus'");
    expect(run.stdout).toBe('');
  });

  it('exits 2 on an unknown format or command, or with no path', () => {
    expect(heard(['analyze', SAMPLES, '--format', 'xml']).status).toBe(2);
    expect(heard(['frobnicate']).status).toBe(2);
    expect(heard(['analyze']).status).toBe(2);
  });

  it('exits 2 on a path that does not exist, naming it, without a stack trace', () => {
    const missing = join(tmp, 'does-not-exist.txt');
    const run = heard(['analyze', missing]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(missing);
    expect(run.stderr).toMatch(/no such file or directory/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toMatch(/internal error/);
  });

  it('analyses the good file of a directory, lists the broken one as skipped and exits 0', () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.txt'), 'Customer: My order never arrived and I am upset!\nAgent Sam: I am sorry to hear that. I will send a replacement today.\nCustomer: Thanks!\n');
    writeFileSync(join(dir, 'broken.json'), '{"id": "x", "turns": [');
    const run = heard(['analyze', dir, '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.conversations).toHaveLength(1);
    expect(report.conversations[0]!.source).toBe(`${join(dir, 'good.txt')}:1`);
    expect(report.conversations[0]!.agent).toBe('Sam');
    expect(report.summary.skipped).toHaveLength(1);
    expect(report.summary.skipped[0]!.source).toBe(join(dir, 'broken.json'));
    expect(report.summary.skipped[0]!.reason).toMatch(/JSON/);
    expect(run.stderr).toContain(`skipped ${join(dir, 'broken.json')}`);
  });

  it('exits 2 when no file could be read at all', () => {
    const dir = join(tmp, 'only-broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'broken.json'), '{');
    const run = heard(['analyze', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/no conversation could be read/);
  });
});

describe('heard analyze - (stdin)', () => {
  it('reads JSONL from stdin', () => {
    const run = heard(['analyze', '-', '--format', 'json'], SMALL_JSONL);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.conversations.map((c) => [c.id, c.agent, c.language])).toEqual([
      ['S-1', 'Robin', 'en'],
      ['S-2', 'Robin', 'zh'],
    ]);
    expect(report.conversations[0]!.source).toMatch(/^<stdin>/);
    expect(report.summary).toMatchObject({ conversations: 2, agents: 1, turns: 5 });
    // the Chinese reply asked for an order number and ignored the customer's worry
    expect(report.conversations[1]!.moves.acknowledgement).toBe('missing');
    expect(report.conversations[0]!.moves.acknowledgement).toBe('present');
  });

  it('reads plain text from stdin', () => {
    const run = heard(['analyze', '-', '--format', 'jsonl'], 'Customer: Hi, do you ship to Canada?\nAgent Priya: Yes, shipping takes 5-8 business days.\n');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ agent: 'Priya', language: 'en' });
  });
});

describe('heard analyze --format table', () => {
  it('shows every agent, the overall score and the conversations to review, without colour codes', () => {
    const run = heard(['analyze', SAMPLES, '--format', 'table']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`heard ${VERSION}`);
    expect(run.stdout).toContain(`${samplesJson.summary.conversations} conversations`);
    for (const agent of samplesJson.agents) expect(run.stdout).toContain(agent.agent);
    expect(run.stdout).toContain('Conversations to review');
    // The worst conversation is listed with its findings.
    const worst = [...samplesJson.conversations].filter((c) => c.findings.length).sort((a, b) => (a.score ?? 101) - (b.score ?? 101))[0]!;
    expect(run.stdout).toContain(worst.id);
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('lists skipped items under the table', () => {
    const dir = join(tmp, 'table-mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.txt'), 'Customer: My order never arrived and I am upset!\nAgent Sam: Please hold.\n');
    writeFileSync(join(dir, 'broken.json'), '[');
    const run = heard(['analyze', dir, '--format', 'table']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Sam');
    expect(run.stdout).toMatch(/Skipped 1 item/);
    expect(run.stdout).toContain('broken.json');
  });
});
