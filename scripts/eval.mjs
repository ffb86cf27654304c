#!/usr/bin/env node
// npm run eval: measure the analyzer against the human-labelled sets in ../shared/eval (see its README.md).
// Reports per file and a summary of the quality targets; exits 0 whether or not the targets are met.
//
//   npm run eval                                   all sets
//   npm run eval -- --file cs-dev-en               one set
//   npm run eval -- --file cs-dev-zh --show-errors solution:fn --limit 20
//   npm run eval -- --json > eval.json             machine-readable
//
// --show-errors LABEL: acknowledgement | apology | paraphrase | solution | open_question | negative_language
//   (turn level), missing-acknowledgement | missing-paraphrase | missing-solution (conversation level, cs-dev),
//   score | S | E | A (STC-3: largest rank gaps). Append :fp or :fn for one side only.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIR = resolve(ROOT, '..', 'shared', 'eval');
const FILES = ['cs-dev-en', 'cs-dev-zh', 'esconv-dev', 'stc3-train-en', 'stc3-train-zh'];

const USAGE = `usage: npm run eval -- [--file NAME] [--show-errors LABEL[:fp|:fn]] [--limit N] [--max-lines N] [--json] [--dir DIR]
  --file NAME          evaluate one set only (${FILES.join(', ')})
  --show-errors LABEL  list disagreements on LABEL (a move/flag, missing-<move>, or score for STC-3)
  --limit N            how many disagreements to list (default 10)
  --max-lines N        read only the first N conversations of each file (quick runs)
  --json               print one JSON object instead of tables
  --dir DIR            evaluation folder (default ../shared/eval from the repo root)`;

function fail(message, code = 2) {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: {
      file: { type: 'string' },
      'show-errors': { type: 'string' },
      limit: { type: 'string' },
      'max-lines': { type: 'string' },
      json: { type: 'boolean', default: false },
      dir: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (err) {
  fail(`${err.message}\n${USAGE}`);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function positiveInt(name, value) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} needs a whole number, got "${value}"`);
  return n;
}
const limit = positiveInt('limit', args.limit) ?? 10;
const maxLines = positiveInt('max-lines', args['max-lines']);
const json = args.json;
const log = (s) => (json ? process.stderr : process.stdout).write(s);

const evalDir = args.dir ? resolve(args.dir) : DEFAULT_DIR;
if (!existsSync(evalDir) || !statSync(evalDir).isDirectory()) {
  const message = `No evaluation data at ${evalDir}: nothing to evaluate. The sets are not part of the repository; put them there or pass --dir DIR.`;
  if (json) process.stdout.write(`${JSON.stringify({ evalDir, skipped: message, files: [], targets: [] }, null, 2)}\n`);
  else process.stdout.write(`${message}\n`);
} else {
  await main(evalDir);
}
// Exit 0 whatever the numbers: this reports, it does not gate. (exitCode rather than exit(), so piped output drains.)
process.exitCode = 0;

function evalFiles(dir) {
  if (args.file) {
    const name = args.file.replace(/\.jsonl$/i, '');
    const path = join(dir, `${name}.jsonl`);
    if (!existsSync(path)) fail(`no ${name}.jsonl in ${dir} (known sets: ${FILES.join(', ')})`);
    return [path];
  }
  const files = [];
  for (const name of FILES) {
    const path = join(dir, `${name}.jsonl`);
    if (existsSync(path)) files.push(path);
    else log(`(${name}.jsonl not found in ${dir}: skipped)\n`);
  }
  return files;
}

async function load(rel) {
  const path = join(ROOT, 'bin', rel);
  if (!existsSync(path)) fail(`${path} is missing: run npm run build first`, 1);
  return import(pathToFileURL(path).href);
}

async function main(dir) {
  const files = evalFiles(dir);
  const { createAnalyzer } = await load('analyze.js');
  const { evaluateFile, formatEvaluation } = await load('calibrate/run.js');
  const { checkTargets, formatTargets } = await load('calibrate/targets.js');
  if (typeof createAnalyzer !== 'function') fail('bin/analyze.js does not export createAnalyzer (is the analyzer implemented?)', 1);

  const t0 = performance.now();
  const analyzer = await createAnalyzer();
  const setupMs = performance.now() - t0;
  log(`heard eval: ${files.length} file(s) from ${dir}; analyzer ready in ${Math.round(setupMs)} ms\n\n`);

  const results = [];
  for (const path of files) {
    const options = { limit };
    if (args['show-errors']) options.showErrors = args['show-errors'];
    if (maxLines !== undefined) options.maxLines = maxLines;
    if (json) process.stderr.write(`evaluating ${path} ...\n`);
    const result = await evaluateFile(path, analyzer, options);
    results.push(result);
    if (!json) process.stdout.write(`${formatEvaluation(result)}\n`);
  }

  const checks = checkTargets(results);
  if (json) {
    process.stdout.write(`${JSON.stringify({ evalDir: dir, setupMs, files: results, targets: checks }, null, 2)}\n`);
    return;
  }
  const times = results.map((r) => `${r.name} ${(r.elapsedMs / 1000).toFixed(1)} s`).join(', ');
  process.stdout.write(`Time per file: ${times}\n\n`);
  if (maxLines !== undefined) process.stdout.write(`(only the first ${maxLines} conversations of each file: the numbers below are partial)\n`);
  process.stdout.write(formatTargets(checks));
}
