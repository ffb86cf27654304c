// heard analyze: read transcripts, analyse every conversation, write the reports.
import type { IngestOptions, InputFormat, CsvField } from '../ingest/types.js';
import type { ConversationResult } from '../model/analysis.js';
import type { Language, Skipped } from '../model/conversation.js';
import { HeardError } from './errors.js';
import type { Settings } from '../config/defaults.js';
import type { ReportConfig } from '../model/report.js';
import type { PipelineFlags } from './pipeline.js';

/** How transcripts are read and analysed (analyze and explain). */
export interface InputFlags {
  inputFormat?: InputFormat;
  agent?: string[];
  customer?: string[];
  columns?: Partial<Record<CsvField, string>>;
  lang?: Language;
  /** --config FILE (else the config file is discovered from the working directory). */
  config?: string;
  /** Settings already loaded (heard analyze loads them before reading input, for --print-config and thresholds). */
  settings?: Settings;
  configFile?: string;
  /** The guards on absurd input (src/ingest/limits.ts). */
  maxTurnChars?: number;
  maxTurns?: number;
  maxConversationChars?: number;
}

/** heard analyze: streamed end to end (src/cli/pipeline.ts). */
export async function runAnalyze(paths: string[], flags: PipelineFlags): Promise<number> {
  const { runPipeline } = await import('./pipeline.js');
  return runPipeline(paths, flags);
}

/** The effective config, and how to read the inputs under it (its role words and agent column; flags win). */
export async function inputSetup(flags: InputFlags): Promise<{ settings: Settings; configFile?: string; ingestOptions: IngestOptions }> {
  const { loadConfigOrFail } = await import('./commands/config.js');
  const { settings, file: configFile } = flags.settings ? { settings: flags.settings, file: flags.configFile } : await loadConfigOrFail(flags.config);
  const { agent: agentRoles, customer: customerRoles, bot: botRoles, agentColumn } = settings.roles;
  const columns = agentColumn ? { agent: agentColumn, ...flags.columns } : flags.columns;
  const ingestOptions: IngestOptions = { format: flags.inputFormat, agent: flags.agent, customer: flags.customer, columns, roles: { agent: agentRoles, customer: customerRoles, bot: botRoles }, maxTurnChars: flags.maxTurnChars, maxTurns: flags.maxTurns, maxConversationChars: flags.maxConversationChars };
  return { settings, configFile, ingestOptions };
}

/** Every conversation in `paths`, analysed; skipped items are reported on stderr as they are found. */
export async function analyseInputs(
  paths: string[],
  flags: InputFlags,
): Promise<{ results: ConversationResult[]; skipped: Skipped[]; config: ReportConfig; read: number }> {
  const { readInputs } = await import('../ingest/read.js');
  const { createAnalyzer } = await import('../analyze.js');
  const { settings, configFile, ingestOptions } = await inputSetup(flags);
  const input = await readInputs(paths, ingestOptions);
  for (const item of input.skipped) process.stderr.write(`heard: skipped ${item.source}: ${item.reason}\n`);
  for (const notice of input.notices) process.stderr.write(`heard: note ${notice.source}: ${notice.message}\n`);
  if (input.conversations.length === 0) {
    throw new HeardError(`no conversation could be read from ${paths.join(', ')} (${input.skipped.length} item(s) skipped)`);
  }
  const analyzer = await createAnalyzer({ lang: flags.lang, settings, configFile });
  return { results: input.conversations.map((conversation) => analyzer.analyzeConversation(conversation)), skipped: input.skipped, config: analyzer.config, read: input.conversationsRead };
}
