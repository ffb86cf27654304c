#!/usr/bin/env node
// npm run bench -- [--mb 100] [--jobs N] [--seed 42] [--dir /tmp/heard-bench] [--json FILE] [--skip-startup]
//                  [--memory-only] [--rounds 3]
//
// Generates a synthetic corpus (scripts/bench-corpus.mjs: English and Chinese conversations from the project's
// own templates, deterministic seed) of about --mb megabytes of JSONL under --dir (never in the repository),
// then measures on that same text:
//   1. the floor: wink-nlp's bare tokenisation of every English turn (readDoc + tokens, same model, no pipeline)
//      and Intl.Segmenter's words for every Chinese turn; only the tokenising is timed, not reading or JSON;
//   2. heard analyze end to end with --jobs 1 (the built CLI, spawned, --format jsonl to a file);
//   3. heard analyze with --jobs = the available cores;
// plus start-up (`heard --version` against `node -e 0`) and one small file analysed, and prints turns/s, MB/s,
// the ratios 2/1 and 3/2 and peak RSS (on Linux the summed RSS of every heard process, sampled from /proc, since
// heard restarts itself on a large input; also the largest process's, from /usr/bin/time -v when present, else
// the wrapper's process.resourceUsage of the child), as a table and as JSON. Never run as a test: the numbers depend on the
// machine and on whatever else runs on it. --memory-only runs just (3), for peak RSS on a large corpus (--mb 1000),
// where (1) and (2) would take most of an hour and tell nothing new.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './bench-corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'heard.js');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const MB = Number(flag('mb', '100'));
const JOBS = Number(flag('jobs', String(availableParallelism())));
const SEED = Number(flag('seed', '42'));
const DIR = flag('dir', '/tmp/heard-bench');
const JSON_OUT = flag('json', undefined);
const MEMORY_ONLY = args.includes('--memory-only');
const ROUNDS = Number(flag('rounds', '3'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

if (!existsSync(BIN)) throw new Error('build first: npm run build');
mkdirSync(DIR, { recursive: true });

// ---- the corpus ----------------------------------------------------------------------------------------------
const corpus = join(DIR, `corpus-${MB}mb-seed${SEED}.jsonl`);
let info;
const infoFile = `${corpus}.info.json`;
if (existsSync(corpus) && existsSync(infoFile)) info = JSON.parse(readFileSync(infoFile, 'utf8'));
else {
  process.stderr.write(`bench: writing ${MB} MB corpus to ${corpus}\n`);
  info = await writeCorpus(corpus, MB * 1e6, SEED);
  writeFileSync(infoFile, JSON.stringify(info));
}
const bytes = statSync(corpus).size;

// ---- measuring a child process ---------------------------------------------------------------------------------
/**
 * Run a command; wall seconds, peak RSS (MB) of the largest process of its tree, and (on Linux) the peak of the
 * tree's summed RSS, sampled: heard restarts itself on a large input (src/cli/heap.ts), and the first process
 * waits, holding its own memory, while the second works.
 */
function measure(command, commandArgs, { stdout = 'ignore' } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const wrapped = TIME ? [TIME, ['-v', command, ...commandArgs]] : [process.execPath, [fileURLToPath(new URL('./bench-rss.mjs', import.meta.url)), command, ...commandArgs]];
    const child = spawn(wrapped[0], wrapped[1], { stdio: ['ignore', stdout, 'pipe'] });
    let treePeak = 0;
    const sampler = existsSync('/proc/self/status') ? setInterval(() => (treePeak = Math.max(treePeak, treeRssMb(child.pid))), 250) : undefined;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const rss = TIME ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]) / 1024 : Number(/bench-rss-kb: (\d+)/.exec(stderr)?.[1]) / 1024;
      const childWall = TIME ? parseElapsed(/Elapsed \(wall clock\) time.*: ([\d:.]+)/.exec(stderr)?.[1]) : wall;
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(' ')} exited ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ wall: childWall ?? wall, rss, treeRss: sampler ? treePeak : undefined });
    });
  });
}

/** The summed RSS (MB) of every process below `root` (the timing wrapper itself not counted), from /proc. */
function treeRssMb(root) {
  const parent = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      parent.set(Number(name), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]));
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0));
    } catch {
      // the process ended while we looked
    }
  }
  let kb = 0;
  for (const [pid, size] of rss) {
    let p = parent.get(pid);
    while (p && p !== root) p = parent.get(p);
    if (p === root) kb += size;
  }
  return kb / 1024;
}

async function digest(file) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk);
  return hash.digest('hex');
}

function parseElapsed(text) {
  if (!text) return undefined;
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

// ---- 1. the floor ---------------------------------------------------------------------------------------------
const floorScript = `
const { createRequire } = require('node:module');
const { createReadStream } = require('node:fs');
const { createInterface } = require('node:readline');
const require2 = createRequire(${JSON.stringify(join(ROOT, 'package.json'))});
const winkNLP = require2('wink-nlp');
// Bare tokenisation: the same model, no pipeline (no sentence splitting, POS, sentiment, NER).
const nlp = winkNLP(require2('wink-eng-lite-web-model'), []);
// What heard's analysis asks of wink (sentences, POS for lemmas, sentiment), read out as heard reads it: not a
// target, but it shows how much of the analysis is the language model itself.
const tagged = winkNLP(require2('wink-eng-lite-web-model'), ['sbd', 'pos', 'sentiment']);
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
let en = 0n, zh = 0n, enTagged = 0n, tokens = 0, enTurns = 0, zhTurns = 0;
(async () => {
  for await (const line of createInterface({ input: createReadStream(process.argv[1]), crlfDelay: Infinity })) {
    if (!line) continue;
    const c = JSON.parse(line);
    for (const t of c.turns) {
      const s = process.hrtime.bigint();
      if (c.language === 'zh') { for (const _ of segmenter.segment(t.text)) tokens++; zh += process.hrtime.bigint() - s; zhTurns++; }
      else {
        tokens += nlp.readDoc(t.text).tokens().out().length; en += process.hrtime.bigint() - s; enTurns++;
        const s2 = process.hrtime.bigint();
        const doc = tagged.readDoc(t.text);
        doc.sentences().out(); doc.sentences().out(tagged.its.span); doc.tokens().out(tagged.its.lemma); doc.out(tagged.its.sentiment);
        enTagged += process.hrtime.bigint() - s2;
      }
    }
  }
  process.stdout.write(JSON.stringify({ en: Number(en) / 1e9, zh: Number(zh) / 1e9, enTagged: Number(enTagged) / 1e9, tokens, enTurns, zhTurns }));
})();
`;

function floor() {
  const run = spawnSync(process.execPath, ['-e', floorScript, corpus], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

// ---- start-up -------------------------------------------------------------------------------------------------
function startup(rounds = 20) {
  const time = (cmd, cmdArgs) => {
    const s = process.hrtime.bigint();
    const r = spawnSync(cmd, cmdArgs, { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${cmd} failed`);
    return Number(process.hrtime.bigint() - s) / 1e6;
  };
  const node = [];
  const version = [];
  const small = [];
  for (let i = 0; i < rounds; i++) {
    node.push(time(process.execPath, ['-e', '0']));
    version.push(time(process.execPath, [BIN, '--version']));
  }
  for (let i = 0; i < 5; i++) small.push(time(process.execPath, [BIN, 'analyze', join(ROOT, 'fixtures/samples/chat-en.txt'), '--format', 'json']));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { nodeMs: median(node), versionMs: median(version), smallFileMs: median(small) };
}

// ---- run ------------------------------------------------------------------------------------------------------
const machine = {
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  load: loadavg().map((l) => l.toFixed(2)).join(' '),
};
process.stderr.write(`bench: ${(bytes / 1e6).toFixed(1)} MB, ${info.conversations} conversations, ${info.turns} turns; machine ${machine.nproc} x ${machine.cpu}, node ${machine.node}, load ${machine.load}\n`);

const out = (jobs) => join(DIR, `out-${MB}mb-jobs${jobs}.jsonl`);
const analyze = (jobs) => measure(process.execPath, [BIN, 'analyze', corpus, '--format', 'jsonl', '--out', out(jobs), '--jobs', String(jobs), '--quiet']);

if (MEMORY_ONLY) {
  process.stderr.write(`bench: heard analyze --jobs ${JOBS}...\n`);
  const many = await analyze(JOBS);
  const result = { machine, corpus: { file: corpus, mb: round(bytes / 1e6, 1), conversations: info.conversations, turns: info.turns, seed: SEED }, jobs: JOBS, seconds: round(many.wall, 2), turnsPerSecond: Math.round(info.turns / many.wall), peakRssMb: Math.round(many.treeRss ?? many.rss), largestProcessRssMb: Math.round(many.rss) };
  process.stdout.write(`corpus: ${result.corpus.mb} MB JSONL, ${info.turns} turns; heard analyze --jobs ${JOBS} (jsonl): ${result.seconds} s, ${result.turnsPerSecond} turns/s, peak RSS ${result.peakRssMb} MB (all heard processes; the largest alone ${result.largestProcessRssMb} MB)\n\n${JSON.stringify(result, null, 2)}\n`);
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2));
  process.exit(0);
}

process.stderr.write('bench: floor (bare tokenisation)...\n');
// The three runs take turns, --rounds times, and each row is the median round: on a shared machine the speed
// drifts by 10-20% from minute to minute, and one pairing of runs can land on either side of a target.
const floors = [];
const ones = [];
const manys = [];
for (let r = 1; r <= ROUNDS; r++) {
  const of = ROUNDS > 1 ? ` (round ${r} of ${ROUNDS})` : '';
  if (r > 1) process.stderr.write(`bench: floor${of}...\n`);
  floors.push(floor());
  process.stderr.write(`bench: heard analyze --jobs 1${of}...\n`);
  ones.push(await analyze(1));
  process.stderr.write(`bench: heard analyze --jobs ${JOBS}${of}...\n`);
  manys.push(await analyze(JOBS));
}
const medianBy = (runs, key) => [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)];
const f = medianBy(floors, (x) => x.en + x.zh);
const floorSeconds = f.en + f.zh;
// Peak memory is the highest of the rounds, not the median.
const peak = (runs) => ({ ...medianBy(runs, (x) => x.wall), rss: Math.max(...runs.map((x) => x.rss)), treeRss: runs[0].treeRss === undefined ? undefined : Math.max(...runs.map((x) => x.treeRss)) });
const one = peak(ones);
const many = peak(manys);
const spread = (runs, key) => `${round(Math.min(...runs.map(key)), 2)}–${round(Math.max(...runs.map(key)), 2)}`;
// Compared by digest, a chunk at a time: at 1 GB of input the outputs are gigabytes each.
const identical = (await digest(out(1))) === (await digest(out(JOBS)));
const start = args.includes('--skip-startup') ? undefined : startup();

const row = (name, seconds, run) => ({
  name,
  seconds: round(seconds, 2),
  turnsPerSecond: Math.round(info.turns / seconds),
  mbPerSecond: round(bytes / 1e6 / seconds, 2),
  peakRssMb: run ? Math.round(run.treeRss ?? run.rss) : null,
  largestProcessRssMb: run ? Math.round(run.rss) : null,
});
function round(x, d) {
  const k = 10 ** d;
  return Math.round(x * k) / k;
}
const rows = [
  row('1. floor: wink readDoc+tokens (en) + Intl.Segmenter (zh)', floorSeconds),
  row('2. heard analyze --jobs 1 (jsonl)', one.wall, one),
  row(`3. heard analyze --jobs ${JOBS} (jsonl)`, many.wall, many),
];
const result = {
  machine,
  corpus: { file: corpus, mb: round(bytes / 1e6, 1), conversations: info.conversations, turns: info.turns, seed: SEED },
  floor: { enSeconds: round(f.en, 2), zhSeconds: round(f.zh, 2), enTurns: f.enTurns, zhTurns: f.zhTurns, enTaggedSeconds: round(f.enTagged, 2), taggedOverFloor: round((f.enTagged + f.zh) / floorSeconds, 2) },
  rows,
  rounds: ROUNDS,
  ratios: { analysisOverFloor: round(floorSeconds / one.wall, 3), jobsSpeedup: round(one.wall / many.wall, 2) },
  spread: { floorSeconds: spread(floors, (x) => x.en + x.zh), jobs1Seconds: spread(ones, (x) => x.wall), jobsNSeconds: spread(manys, (x) => x.wall) },
  identicalOutput: identical,
  ...(start ? { startup: { nodeMs: round(start.nodeMs, 1), versionMs: round(start.versionMs, 1), versionOverNode: round(start.versionMs / start.nodeMs, 2), smallFileMs: round(start.smallFileMs, 0) } } : {}),
};

const lines = [
  `corpus: ${result.corpus.mb} MB JSONL, ${info.conversations} conversations, ${info.turns} turns (seed ${SEED})`,
  `machine: ${machine.nproc} cores, ${machine.cpu}, node ${machine.node}, load average at start ${machine.load}`,
  `rows: the median of ${ROUNDS} round(s); seconds ranged floor ${result.spread.floorSeconds}, --jobs 1 ${result.spread.jobs1Seconds}, --jobs ${JOBS} ${result.spread.jobsNSeconds}; peak RSS the highest`,
  '',
  '| run | seconds | turns/s | MB/s | peak RSS MB, all heard processes |',
  '| --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.name} | ${r.seconds} | ${r.turnsPerSecond} | ${r.mbPerSecond} | ${r.peakRssMb ?? '—'} |`),
  '',
  `ratio 2/1 (analysis throughput / floor): ${result.ratios.analysisOverFloor} (target >= 0.4)`,
  `  of which the language model: wink with sentences, POS and sentiment takes ${result.floor.taggedOverFloor}x the floor (${result.floor.enTaggedSeconds} s for English against ${result.floor.enSeconds} s bare)`,
  `ratio 3/2 (jobs ${JOBS} / jobs 1): ${result.ratios.jobsSpeedup} (target >= 1.7)`,
  `output of --jobs 1 and --jobs ${JOBS} byte-identical: ${identical}`,
  ...(result.startup
    ? [
        `start-up: node -e 0 ${result.startup.nodeMs} ms, heard --version ${result.startup.versionMs} ms (x${result.startup.versionOverNode}, target <= 1.5)`,
        `one small file (fixtures/samples/chat-en.txt): ${result.startup.smallFileMs} ms (target < 600)`,
      ]
    : []),
];
process.stdout.write(`${lines.join('\n')}\n\n${JSON.stringify(result, null, 2)}\n`);
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(result, null, 2));
