#!/usr/bin/env node
// npm run eval: `heard calibrate` over the human-labelled sets in ../shared/eval (see its README.md), with the
// default rubric (--no-config), plus the project's quality targets. Exits 0 whether or not the targets are met.
//
//   npm run eval                                   all sets
//   npm run eval -- --file cs-dev-en               one set (= heard calibrate --no-config --gold ../shared/eval/cs-dev-en.jsonl)
//   npm run eval -- --file cs-dev-zh --show-errors solution:fn --limit 20
//   npm run eval -- --json > eval.json             machine-readable
//
// --show-errors LABEL: acknowledgement | apology | paraphrase | solution | open_question | negative_language
//   (turn level), missing-acknowledgement | missing-paraphrase | missing-solution (conversation level, cs-dev),
//   score | S | E | A (STC-3: largest rank gaps). Append :fp or :fn for one side only.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

const evalDir = args.dir ? resolve(args.dir) : DEFAULT_DIR;
if (!existsSync(evalDir) || !statSync(evalDir).isDirectory()) {
  const message = `No evaluation data at ${evalDir}: nothing to evaluate. The sets are not part of the repository; put them there or pass --dir DIR.`;
  if (args.json) process.stdout.write(`${JSON.stringify({ evalDir, skipped: message, files: [] }, null, 2)}\n`);
  else process.stdout.write(`${message}\n`);
  process.exit(0);
}

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
    else (args.json ? process.stderr : process.stdout).write(`(${name}.jsonl not found in ${dir}: skipped)\n`);
  }
  return files;
}

const cli = join(ROOT, 'bin', 'cli', 'main.js');
if (!existsSync(cli)) fail(`${cli} is missing: run npm run build first`, 1);
const { main } = await import(pathToFileURL(cli).href);

const argv = ['calibrate', '--no-config', ...evalFiles(evalDir).flatMap((path) => ['--gold', path])];
if (args['show-errors']) argv.push('--show-errors', args['show-errors']);
if (args.limit !== undefined) argv.push('--limit', args.limit);
if (args['max-lines'] !== undefined) argv.push('--max-lines', args['max-lines']);
if (args.json) argv.push('--json');
await main(['node', 'heard', ...argv]);
// Exit 0 whatever the numbers (a usage error above still exits 2): this reports, it does not gate.
if (process.exitCode === 0 || process.exitCode === undefined) process.exitCode = 0;
