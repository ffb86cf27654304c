// The only place that reads argv and writes to stdout/stderr. Heavy modules (language models, analyzer)
// are imported inside the action, so `--version` and `--help` start fast.
import { Command, InvalidArgumentError, Option } from 'commander';
import { VERSION } from '../version.js';
import { EXIT, HeardError } from './errors.js';
import { INPUT_FORMATS } from '../ingest/types.js';
import type { IngestOptions, InputFormat, CsvField } from '../ingest/types.js';
import type { Language } from '../model/conversation.js';
import { REPORT_FORMATS } from '../report/formats.js';
import type { ReportFormat } from '../report/formats.js';

interface AnalyzeFlags {
  format?: ReportFormat;
  out?: string;
  inputFormat?: InputFormat;
  agent?: string[];
  customer?: string[];
  columns?: Partial<Record<CsvField, string>>;
  lang?: Language;
  failUnder?: number;
  color?: boolean;
}

const CSV_FIELDS: CsvField[] = ['conversation', 'agent', 'role', 'speaker', 'text', 'timestamp'];

export function buildProgram(): Command {
  const program = new Command('heard')
    .description('Find missed empathy moves in customer-service transcripts and score every conversation and agent.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('analyze')
    .description('analyse transcripts (files, directories or - for stdin) and report per agent and conversation')
    .argument('<paths...>', 'transcript files, directories (recursed) or - for stdin')
    .addOption(new Option('-f, --format <format>', 'report format (default: table on a terminal, json otherwise)').choices(REPORT_FORMATS))
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .addOption(new Option('--input-format <format>', 'force the input format instead of detecting it').choices(INPUT_FORMATS))
    .option('--agent <name>', 'speaker name that is the agent (repeatable)', collect, [])
    .option('--customer <name>', 'speaker name that is the customer (repeatable)', collect, [])
    .option('--columns <mapping>', 'CSV columns, e.g. role=Sender,text=Body', parseColumns)
    .addOption(new Option('--lang <lang>', 'language of every conversation instead of detecting it').choices(['en', 'zh']))
    .option('--fail-under <score>', 'exit 1 when the overall score is below this (0-100)', parseScore)
    .option('--no-color', 'no colours in the table')
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      process.exitCode = await runAnalyze(paths, flags);
    });
  return program;
}

async function runAnalyze(paths: string[], flags: AnalyzeFlags): Promise<number> {
  const { readInputs } = await import('../ingest/read.js');
  const { createAnalyzer, buildReport } = await import('../analyze.js');
  const { formatJson, formatJsonlLine, formatTable } = await import('../report/index.js');
  const { openOutput } = await import('./output.js');

  const ingestOptions: IngestOptions = { format: flags.inputFormat, agent: flags.agent, customer: flags.customer, columns: flags.columns };
  const input = await readInputs(paths, ingestOptions);
  for (const item of input.skipped) process.stderr.write(`heard: skipped ${item.source}: ${item.reason}\n`);
  if (input.conversations.length === 0) {
    throw new HeardError(`no conversation could be read from ${paths.join(', ')} (${input.skipped.length} item(s) skipped)`);
  }

  const output = openOutput(flags.out);
  const format: ReportFormat = flags.format ?? (output.isTTY ? 'table' : 'json');
  const analyzer = await createAnalyzer({ lang: flags.lang });
  const results = [];
  for (const conversation of input.conversations) {
    const result = analyzer.analyzeConversation(conversation);
    results.push(result);
    if (format === 'jsonl') output.write(formatJsonlLine(result));
  }
  const report = buildReport(results, input.skipped);
  if (format === 'json') output.write(formatJson(report));
  if (format === 'table') {
    const color = flags.color !== false && output.isTTY && !process.env.NO_COLOR;
    output.write(formatTable(report, { color }));
  }
  await output.close();

  const score = report.summary.score;
  if (flags.failUnder !== undefined && score !== null && score < flags.failUnder) {
    process.stderr.write(`heard: overall score ${score} is below --fail-under ${flags.failUnder}\n`);
    return EXIT.threshold;
  }
  return EXIT.ok;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseScore(value: string): number {
  const score = Number(value);
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new InvalidArgumentError('expected a number from 0 to 100.');
  return score;
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
