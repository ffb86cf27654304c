// heard analyze at scale: the same bytes whatever --jobs, the JSON report streamed equal to the one rendered
// whole, shards that add up to one run, progress never on stdout.
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { BIN, ensureBuilt, heard, ROOT } from '../report/run-heard.js';
import { inShard, parseShard } from '../../src/cli/shard.js';
import { fnv1a } from '../../src/hash.js';
import { progressLine } from '../../src/cli/progress.js';

const INPUTS = ['fixtures/samples', 'fixtures/formats', 'fixtures/report'];
let tmp: string;
let corpus: string;

/** A JSONL corpus of 300 conversations: enough for several batches per worker. */
function writeCorpus(file: string): void {
  const lines: string[] = [];
  const agents = ['Maria', 'Tom', 'Ana'];
  for (let i = 0; i < 300; i++) {
    const zh = i % 4 === 0;
    const turns = zh
      ? [{ role: 'customer', text: `订单${i}还没到，我已经等了一个星期了！` }, { role: 'agent', text: i % 3 ? '非常抱歉让您久等了，我马上为您联系快递。' : '请稍等。' }, { role: 'customer', text: '好的，谢谢。' }]
      : [
          { role: 'customer', text: `I was charged twice for order #${1000 + i} and nobody answers my emails!`, start: 0 },
          { role: 'agent', text: i % 3 ? "I'm so sorry about that. So you were charged twice for the same order? I've refunded the extra charge today." : 'As I said, that is our policy.', start: 20 },
          { role: 'customer', text: i % 2 ? 'Thanks, that is really helpful.' : 'Whatever.', start: 45 },
        ];
    lines.push(JSON.stringify({ id: `${zh ? 'ZH' : 'EN'}-${i}`, agent: agents[i % 3], ...(zh ? { language: 'zh' } : {}), turns }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'heard-scale-'));
  corpus = join(tmp, 'corpus.jsonl');
  writeCorpus(corpus);
}, 120_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** heard, with room for reports of a few MB (spawnSync's default buffer is 1 MB). */
function heardBig(args: string[], input?: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
}

function run(args: string[], input?: string, env?: Record<string, string>): string {
  const result = heardBig(args, input, env);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

describe('heard analyze --jobs', () => {
  it('writes the same bytes with one job and with two, in every format', () => {
    for (const format of ['jsonl', 'json', 'csv', 'md']) {
      const one = run(['analyze', corpus, ...INPUTS, '--format', format, '--jobs', '1']);
      const two = run(['analyze', corpus, ...INPUTS, '--format', format, '--jobs', '2']);
      expect(two, format).toBe(one);
    }
  }, 120_000);

  it('analyses in the main thread what a worker has no memory for: the same bytes, nothing lost', () => {
    // 16 MB is less than the language models need, so the worker stops at once and every batch comes back here.
    const one = run(['analyze', corpus, '--format', 'jsonl', '--jobs', '1']);
    const starved = run(['analyze', corpus, '--format', 'jsonl', '--jobs', '2'], undefined, { HEARD_WORKER_HEAP_MB: '16' });
    expect(starved).toBe(one);
    expect(starved.trimEnd().split('\n')).toHaveLength(300);
  }, 120_000);

  it('streams the JSON report equal to the one rendered whole (as when another format needs every result)', () => {
    const streamed = run(['analyze', corpus, ...INPUTS, '--format', 'json', '--jobs', '2']);
    const md = join(tmp, 'whole.md');
    const json = join(tmp, 'whole.json');
    run(['analyze', corpus, ...INPUTS, '--out', json, '--out', md, '--jobs', '1']);
    expect(streamed).toBe(readFileSync(json, 'utf8'));
    const report = JSON.parse(streamed);
    expect(report.conversations).toHaveLength(report.summary.conversations);
    expect(report.summary.moves.acknowledgement.expected).toBeGreaterThan(0);
  }, 120_000);

  it('reads JSONL from stdin with workers, in input order', () => {
    const stdout = run(['analyze', '-', '--format', 'jsonl', '--jobs', '2'], readFileSync(corpus, 'utf8'));
    const ids = stdout.trim().split('\n').map((line) => JSON.parse(line).id);
    expect(ids).toHaveLength(300);
    expect(ids.slice(0, 3)).toEqual(['ZH-0', 'EN-1', 'EN-2']);
    expect(stdout).toBe(run(['analyze', corpus, '--format', 'jsonl', '--jobs', '1']).replaceAll(corpus, '<stdin>'));
  }, 120_000);

  it('keeps thresholds working when the conversations were streamed away', () => {
    const result = heard(['analyze', corpus, '--format', 'jsonl', '--fail-on', 'missing', '--fail-under', '99', '--jobs', '2']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/conversation\(s\) miss a needed move/u);
    expect(result.stderr).toMatch(/overall score .* is below --fail-under 99/u);
  }, 60_000);

  it('shows no progress when stderr is not a terminal, and never on stdout', () => {
    const result = heard(['analyze', corpus, '--format', 'jsonl', '--jobs', '2']);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('{'))).toBe(true);
    expect(progressLine({ conversations: 1500, filesDone: 1, filesListed: 2, bytesRead: 50, bytesListed: 200 }, 10)).toBe(
      'heard: 1,500 conversations, 150/s, file 1/2, 25%, ETA 30s',
    );
  }, 60_000);
});

/** The processes whose parent is `pid`, with their command lines (Linux /proc). */
function childrenOf(pid: number): { pid: number; args: string[] }[] {
  const out: { pid: number; args: string[] }[] = [];
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/u.test(n))) {
    try {
      const parent = Number(/^PPid:\s+(\d+)/mu.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1]);
      if (parent === pid) out.push({ pid: Number(name), args: readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0') });
    } catch {
      // ended while we looked
    }
  }
  return out;
}

describe('heard analyze with its heap capped (a large input, or a long pipe)', () => {
  // Large here means 10 KB: the corpus is about 100 KB.
  const large = { HEARD_LARGE_INPUT_MB: '0.01' };

  it('passes the exit code and the output of the capped run through, the pipe relayed whole', () => {
    const piped = heardBig(['analyze', '-', '--format', 'jsonl', '--fail-on', 'missing', '--jobs', '2'], readFileSync(corpus, 'utf8'), large);
    expect(piped.status).toBe(1);
    expect(piped.stderr).toMatch(/conversation\(s\) miss a needed move/u);
    expect(piped.stdout).toBe(run(['analyze', corpus, '--format', 'jsonl', '--jobs', '1']).replaceAll(corpus, '<stdin>'));
    const file = heardBig(['analyze', corpus, '--format', 'jsonl', '--jobs', '2'], undefined, large);
    expect(file.stdout).toBe(run(['analyze', corpus, '--format', 'jsonl', '--jobs', '1']));
  }, 120_000);

  it.skipIf(process.platform !== 'linux')('restarts itself with --max-old-space-size, and a SIGTERM ends both processes', async () => {
    // stdin is a FIFO this test holds open: the capped run waits for more, and only a signal passed on ends it.
    const fifo = join(tmp, 'stdin.fifo');
    spawnSync('mkfifo', [fifo]);
    const fd = openSync(fifo, 'r+');
    writeSync(fd, readFileSync(corpus, 'utf8').slice(0, 60_000).replace(/[^\n]*$/u, ''));
    const child = spawn(process.execPath, [BIN, 'analyze', '-', '--format', 'jsonl'], { cwd: ROOT, stdio: [fd, 'ignore', 'ignore'], env: { ...process.env, ...large } });
    let capped: { pid: number; args: string[] } | undefined;
    for (let i = 0; i < 200 && !capped; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      capped = childrenOf(child.pid!).find((p) => p.args.some((a) => a.startsWith('--max-old-space-size=')));
    }
    expect(capped?.args).toContain(BIN);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const gone = !existsSync(`/proc/${capped!.pid}`);
    if (!gone) process.kill(capped!.pid, 'SIGKILL');
    closeSync(fd);
    expect(gone).toBe(true);
  }, 60_000);
});

describe('heard analyze --shard', () => {
  it('hashes ids stably and splits them into disjoint shards', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    for (const bad of ['0/3', '4/3', '1', 'a/b', '1/0']) expect(parseShard(bad)).toBeUndefined();
    const ids = Array.from({ length: 1000 }, (_, i) => `C-${i}`);
    const counts = [1, 2, 3].map((index) => ids.filter((id) => inShard(id, { index, count: 3 })).length);
    expect(counts.reduce((a, b) => a + b)).toBe(1000);
    for (const n of counts) expect(n).toBeGreaterThan(250);
  });

  it('the union of all shards, merged with heard report, equals one unsharded run', () => {
    const inputs = [corpus, ...INPUTS];
    const whole = run(['analyze', ...inputs, '--format', 'jsonl', '--jobs', '1']);
    const shards = [1, 2, 3].map((i) => {
      const out = join(tmp, `shard-${i}.jsonl`);
      run(['analyze', ...inputs, '--shard', `${i}/3`, '--out', out]);
      return out;
    });
    const lines = shards.flatMap((file) => readFileSync(file, 'utf8').split('\n').filter(Boolean));
    expect(lines.sort()).toEqual(whole.split('\n').filter(Boolean).sort());
    for (const file of shards) expect(readFileSync(file, 'utf8').length).toBeLessThan(whole.length * 0.6);
    const wholeFile = join(tmp, 'whole.jsonl');
    writeFileSync(wholeFile, whole);
    const merged = JSON.parse(run(['report', ...shards, '--format', 'json']));
    const single = JSON.parse(run(['report', wholeFile, '--format', 'json']));
    expect(merged).toEqual(single);
  }, 120_000);

  it('JSON shards merge to the unsharded JSON report, skipped items listed once', () => {
    const inputs = [corpus, 'fixtures/broken'];
    const whole = join(tmp, 'whole.json');
    heard(['analyze', ...inputs, '--out', whole, '--jobs', '1']);
    const shards = [1, 2].map((i) => {
      const out = join(tmp, `shard-${i}.json`);
      heard(['analyze', ...inputs, '--shard', `${i}/2`, '--out', out]);
      return out;
    });
    const merged = JSON.parse(run(['report', ...shards, '--format', 'json']));
    const single = JSON.parse(run(['report', whole, '--format', 'json']));
    expect(merged).toEqual(single);
    expect(merged.summary.skipped.length).toBeGreaterThan(0);
  }, 120_000);
});
