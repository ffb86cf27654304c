// The only place that reads argv and writes to stdout/stderr. Each command's module, and through it the heavy
// ones (language models, analyzer, formatters), is imported inside its action, so `--version` and `--help`
// start fast.
import { Command, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';
import { EXIT, HeardError } from './errors.js';
import { INPUT_FORMATS } from '../ingest/types.js';
import type { CsvField } from '../ingest/types.js';
import { DEFAULT_MAX_CONVERSATION_CHARS, DEFAULT_MAX_TURN_CHARS, DEFAULT_MAX_TURNS } from '../ingest/limits.js';
import { CSV_LEVELS, OUT_EXTENSIONS, REPORT_FORMATS } from '../report/formats.js';
import { DEFAULT_MIN_CONVERSATIONS } from '../report/thresholds.js';
import type { PipelineFlags } from './pipeline.js';
import type { ExplainFlags } from './explain.js';
import { parseShard } from './shard.js';
import type { Shard } from './shard.js';
import type { ReportFlags } from './publish.js';
import type { ConfigFlags } from './commands/config.js';
import { registerInit } from './commands/init.js';
import { registerRules } from './commands/rules.js';
import { registerCalibrate } from './commands/calibrate.js';

const CSV_FIELDS: CsvField[] = ['conversation', 'agent', 'role', 'speaker', 'text', 'timestamp'];

export function buildProgram(): Command {
  const program = new Command('heard')
    .description('Find missed empathy moves in customer-service transcripts and score every conversation and agent.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const analyze = program
    .command('analyze')
    .description('analyse transcripts (files, directories or - for stdin) and report per agent and conversation')
    .argument('[paths...]', 'transcript files, directories (recursed) or - for stdin')
    .option('--print-config', 'print the effective config (hash, file, settings) as JSON and exit')
    .option('--strict', 'exit 2 when any input item was skipped (the reports are still written)')
    .option('-j, --jobs <n>', 'analysis threads (default: the available cores; 1 analyses in one thread)', parseLimit)
    .option('--shard <i/n>', 'analyse only share i of n, by a stable hash of the conversation id (merge the shards with heard report)', parseShardOption)
    .option('-q, --quiet', 'no progress line on stderr (it is shown only when stderr is a terminal and CI is not set)');
  withReportOptions(withInputOptions(analyze)).action(async (paths: string[], flags: PipelineFlags & ConfigFlags, command: Command) => {
    if (!paths.length && !flags.printConfig) command.error("error: missing required argument 'paths'", { exitCode: EXIT.fatal, code: 'commander.missingArgument' });
    const { configureAnalyze } = await import('./commands/config.js');
    const configured = await configureAnalyze(flags, command);
    if (!configured) return;
    const { runAnalyze } = await import('./analyze.js');
    process.exitCode = await runAnalyze(paths, configured);
  });

  const report = program
    .command('report')
    .description('rebuild the reports from earlier output: JSON reports or JSONL results (e.g. shards), merged into one')
    .argument('<files...>', 'heard JSON reports (--format json) or JSONL results (--format jsonl)');
  withReportOptions(report).action(async (files: string[], flags: ReportFlags) => {
    const { runReport } = await import('./report.js');
    process.exitCode = await runReport(files, flags);
  });

  const explain = program
    .command('explain')
    .description('show a conversation turn by turn: moves and flags inline, missing moves where they were needed')
    .argument('<file>', 'a transcript file (or - for stdin), or a heard JSON report or JSONL results')
    .option('--conversation <id>', 'only the conversation with this id')
    .option('--why', 'print why under every judgement: the phrase, overlap or cue that triggered it');
  withInputOptions(explain)
    .option('--no-color', 'no colours')
    .action(async (file: string, flags: ExplainFlags) => {
      const { runExplain } = await import('./explain.js');
      process.exitCode = await runExplain(file, flags);
    });
  registerInit(program);
  registerRules(program);
  registerCalibrate(program);
  return program;
}

function withInputOptions(command: Command): Command {
  return command
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices(INPUT_FORMATS))
    .option('--agent <name>', 'speaker name that is the agent (repeatable)', collect, [])
    .option('--customer <name>', 'speaker name that is the customer (repeatable)', collect, [])
    .option('--columns <mapping>', 'CSV columns, e.g. role=Sender,text=Body', parseColumns)
    .addOption(new Option('--lang <lang>', 'language of every conversation instead of detecting it').choices(['en', 'zh']))
    .option('--config <file>', 'config file (default: the nearest heard.config.json, .heardrc.json or .heardrc.yaml from here up)')
    .option('--max-turn-chars <n>', `analyse only the first n characters of a turn; the cut is listed as skipped (default ${DEFAULT_MAX_TURN_CHARS})`, parseLimit)
    .option('--max-turns <n>', `analyse only the first n turns of a conversation; the rest are listed as skipped (default ${DEFAULT_MAX_TURNS})`, parseLimit)
    .option('--max-conversation-chars <n>', `analyse a conversation's turns only up to n characters in all; the rest are listed as skipped (default ${DEFAULT_MAX_CONVERSATION_CHARS})`, parseLimit);
}

function withReportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'report format on stdout, or for an --out whose extension names none (default: table on a terminal, json otherwise)').choices(REPORT_FORMATS))
    .option('-o, --out <file>', `write a report to a file, its format from the extension (${OUT_EXTENSIONS.join(' ')}); repeatable`, collect, [])
    .addOption(new Option('--csv-level <level>', 'one CSV row per').choices(CSV_LEVELS).default('conversation'))
    .option('--fail-under <score>', 'exit 1 when the overall score is below this (0-100); in JUnit, a conversation below it fails', parseScore)
    .addOption(new Option('--fail-on <what>', 'exit 1 when a conversation misses a needed move; in JUnit, that conversation fails').choices(['missing']))
    .option('--baseline <report.json>', 'compare with an earlier JSON report: score deltas per agent and overall')
    .option('--fail-on-drop <points>', 'with --baseline: exit 1 when the overall score, or an agent\'s, dropped by more than this', parsePoints)
    .option('--min-conversations <n>', 'agents with fewer scored conversations (now or in the baseline) are not checked by --fail-on-drop', parseCount, DEFAULT_MIN_CONVERSATIONS)
    .option('--no-color', 'no colours in the table');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A number, not Number('') (which is 0): an empty or blank argument is an error. */
function parseNumber(value: string): number {
  return value.trim() === '' ? NaN : Number(value);
}

/** A commander parser for a numeric option: the number, or a usage error saying what was expected. */
function numberOption(valid: (n: number) => boolean, expected: string): (value: string) => number {
  return (value) => {
    const n = parseNumber(value);
    if (!valid(n)) throw new InvalidArgumentError(`expected ${expected}.`);
    return n;
  };
}

const parseScore = numberOption((n) => Number.isFinite(n) && n >= 0 && n <= 100, 'a number from 0 to 100');
const parsePoints = numberOption((n) => Number.isFinite(n) && n >= 0, 'a number of points, 0 or more');
const parseCount = numberOption((n) => Number.isInteger(n) && n >= 0, 'a whole number, 0 or more');
const parseLimit = numberOption((n) => Number.isInteger(n) && n >= 1, 'a whole number, 1 or more');

function parseShardOption(value: string): Shard {
  const shard = parseShard(value);
  if (!shard) throw new InvalidArgumentError('expected i/n with 1 <= i <= n, e.g. 2/8.');
  return shard;
}

function parseColumns(value: string): Partial<Record<CsvField, string>> {
  const columns: Partial<Record<CsvField, string>> = {};
  for (const pair of value.split(',')) {
    const [field, header] = pair.split('=').map((s) => s.trim());
    if (!field || !header || !CSV_FIELDS.includes(field as CsvField)) {
      throw new InvalidArgumentError(`expected field=Header pairs with fields ${CSV_FIELDS.join(', ')}; got "${pair}".`);
    }
    columns[field as CsvField] = header;
  }
  return columns;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof HeardError) {
    process.stderr.write(`heard: ${error.message}\n`);
    return error.exitCode;
  }
  const commanderError = error as { code?: string; exitCode?: number };
  if (typeof commanderError.code === 'string' && commanderError.code.startsWith('commander.')) {
    // Help and version exit 0; every usage error exits 2 (commander has already printed its message).
    return commanderError.exitCode === 0 ? EXIT.ok : EXIT.fatal;
  }
  process.stderr.write(`heard ${VERSION}: internal error, please report it with this trace:\n${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT.fatal;
}
