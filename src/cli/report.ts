// heard report: rebuild the reports from earlier output (JSON reports, JSONL results), e.g. shards analysed on
// several machines. buildReport runs over the combined conversations, so the merged report is the report of one
// run over all inputs.
import type { ConversationResult } from '../model/analysis.js';
import type { Skipped } from '../model/conversation.js';
import type { ReportConfig } from '../model/report.js';
import { HeardError } from './errors.js';
import { loadBaseline, publish, readText, resolveTargets } from './publish.js';
import type { ReportFlags } from './publish.js';

export async function runReport(files: string[], flags: ReportFlags): Promise<number> {
  const targets = resolveTargets(flags);
  const baseline = await loadBaseline(flags.baseline);
  const { parseHeardOutput } = await import('../report/load.js');
  const { buildReport } = await import('../analyze.js');

  const conversations: ConversationResult[] = [];
  const skipped: Skipped[] = [];
  const seen = new Map<string, string>();
  // Conversations the shards read (README, "Bad input and safety"); a JSONL shard carries only what it analysed.
  let read = 0;
  // JSON reports record the rubric they were judged by; shards judged by different rubrics do not add up.
  let config: { value: ReportConfig; file: string } | undefined;
  for (const file of files) {
    const output = parseHeardOutput(await readText(file, 'cannot read'));
    if (output?.kind === 'unreadable') throw new HeardError(`${file}: ${output.reason}`);
    if (!output) throw new HeardError(`${file} is not heard output: expected a JSON report (--format json) or results (--format jsonl)`);
    const results = output.kind === 'report' ? output.report.conversations : output.conversations;
    read += output.kind === 'report' ? (output.report.summary.read ?? results.length) : results.length;
    if (output.kind === 'report') {
      skipped.push(...output.report.summary.skipped);
      const own = output.report.config;
      if (own && config && own.hash !== config.value.hash) {
        throw new HeardError(`${file} was judged with config ${own.hash} and ${config.file} with ${config.value.hash}; merge only reports made with the same config`);
      }
      if (own) config ??= { value: own, file };
    }
    for (const result of results) {
      // Overlapping shards would count a conversation twice: say so, but keep going (the counts show it).
      const key = `${result.source}\u0000${result.id}`;
      const first = seen.get(key);
      if (first) process.stderr.write(`heard: conversation ${result.id} (${result.source}) is in both ${first} and ${file}\n`);
      else seen.set(key, file);
    }
    conversations.push(...results);
  }
  if (!conversations.length) throw new HeardError(`no conversation in ${files.join(', ')}`);
  // In input order (file, then position in it), whatever order the shards were written and listed in: shards
  // split by --shard hold interleaved parts of the same files, and merged they must equal one run.
  conversations.sort(byInputPosition);
  return publish(buildReport(conversations, skipped, config?.value, read), baseline, targets, flags);
}

/** "file:line" or "file#record" → [file, position]. */
function position(source: string): [string, number] {
  const m = /^(.*)[:#](\d+)$/su.exec(source);
  return m ? [m[1]!, Number(m[2])] : [source, 0];
}

/** Input order: by file (code-unit order, as heard walks directories), then by line or record. */
function byInputPosition(a: ConversationResult, b: ConversationResult): number {
  const [fileA, atA] = position(a.source);
  const [fileB, atB] = position(b.source);
  return fileA < fileB ? -1 : fileA > fileB ? 1 : atA - atB;
}
