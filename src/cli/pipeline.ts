// heard analyze as a stream: inputs are read incrementally (src/ingest/stream.ts), conversations are analysed in
// batches by a worker pool (--jobs) or in this thread, put back in input order, and each result goes straight
// to the reports that can take it as it comes — JSONL lines are written at once, the JSON report's
// conversations are spooled to a temporary file — while the aggregates (summary, agents) are accumulated. Only
// the formats that show every conversation in a whole-report layout (table, HTML, Markdown, CSV, JUnit) keep
// the results in memory. The output is the same byte for byte whatever --jobs is.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConversationResult } from '../model/analysis.js';
import type { Conversation, Skipped } from '../model/conversation.js';
import type { HeardReport } from '../model/report.js';
import type { Analyzer } from '../analyze.js';
import { ReportAccumulator } from '../report/aggregate.js';
import { EXIT, HeardError } from './errors.js';
import { inputSetup } from './analyze.js';
import type { InputFlags } from './analyze.js';
import { drained, openOutput } from './output.js';
import type { Output } from './output.js';
import { createProgress, progressEnabled } from './progress.js';
import { loadBaseline, publish, resolveTargets } from './publish.js';
import type { ReportFlags, Streamed, Target } from './publish.js';
import { renderResult } from './render.js';
import type { Rendered, RenderNeeds } from './render.js';
import { inShard } from './shard.js';
import type { Shard } from './shard.js';
import type { WorkerPool } from './workers.js';

export interface PipelineFlags extends InputFlags, ReportFlags {
  strict?: boolean;
  /** --jobs N: analysis threads; 1 analyses in this thread. Default: the available cores (small inputs: 1). */
  jobs?: number;
  /** --shard i/n. */
  shard?: Shard;
  /** --quiet: no progress line. */
  quiet?: boolean;
}

/** Conversations per message to a worker, and turns: enough to make the messaging cost nothing. */
const BATCH_CONVERSATIONS = 64;
const BATCH_TURNS = 600;
/** Batches in flight per worker: enough to keep every worker busy while the reader and writer work. */
const IN_FLIGHT_PER_JOB = 4;
/**
 * Batches queued at every worker before the main thread analyses one itself. The main thread reads, parses and
 * writes, which takes a sixth of a core; the rest of its core is the Nth analyser. It only takes a batch when the
 * workers have work queued behind the one they are on, so it never starves them (and on a machine with many
 * cores, where reading is the bottleneck, it never analyses at all).
 */
const LOCAL_AFTER_QUEUED = 2;
/** Below this much input, starting workers costs more than they save: analysed in this thread. */
const SMALL_INPUT_BYTES = 1024 * 1024;

/** A report written as the results come (JSONL), opened at the first result so a run that reads nothing writes nothing. */
class LineSink {
  private output: Output | undefined;
  constructor(readonly target: Target) {}

  write(text: string): void {
    this.output ??= openOutput(this.target.file);
    this.output.write(text);
  }

  async drained(): Promise<void> {
    await this.output?.drained();
  }

  async finish(): Promise<void> {
    this.output ??= openOutput(this.target.file);
    await this.output.close();
  }
}

/**
 * The JSON report's conversations, spooled to a temporary file as they come; the report is written at the end,
 * the aggregates around the spooled array, exactly as JSON.stringify(report, null, 2) would write it whole.
 */
class JsonSpool {
  private dir: string | undefined;
  private stream: WriteStream | undefined;
  private count = 0;

  async open(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'heard-'));
    this.stream = createWriteStream(join(this.dir, 'conversations.json'));
  }

  write(pretty: string): void {
    this.stream!.write(this.count++ === 0 ? pretty : `,\n${pretty}`);
  }

  async drained(): Promise<void> {
    await drained(this.stream!);
  }

  async close(): Promise<void> {
    if (this.stream && !this.stream.closed) {
      this.stream.end();
      await once(this.stream, 'close');
    }
  }

  /** Write the whole report to `target`: `report.conversations` is `placeholder`, replaced by the spool. */
  async writeReport(target: Target, report: HeardReport, placeholder: ConversationResult[]): Promise<void> {
    await this.close();
    const mark = '@@heard:conversations@@';
    const text = JSON.stringify(report, (_key, value: unknown) => (value === placeholder ? mark : value), 2);
    const at = text.indexOf(`"${mark}"`);
    const output = openOutput(target.file);
    output.write(`${text.slice(0, at)}${this.count ? '[\n' : '['}`);
    if (this.count) {
      for await (const chunk of createReadStream(join(this.dir!, 'conversations.json'), { encoding: 'utf8' })) {
        output.write(chunk as string);
        await output.drained();
      }
      output.write('\n  ]');
    } else {
      output.write(']');
    }
    output.write(`${text.slice(at + mark.length + 2)}\n`);
    await output.close();
  }

  async remove(): Promise<void> {
    await this.close().catch(() => undefined);
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}

export async function runPipeline(paths: string[], flags: PipelineFlags): Promise<number> {
  const { listInputs, streamInputs } = await import('../ingest/stream.js');
  const listing = await listInputs(paths);
  const { capHeap } = await import('./heap.js');
  const heap = await capHeap(listing);
  if ('exitCode' in heap) return heap.exitCode;
  const targets = resolveTargets(flags);
  const baseline = await loadBaseline(flags.baseline);
  const { settings, configFile, ingestOptions } = await inputSetup(flags);
  if (heap.stdin) ingestOptions.stdin = heap.stdin;

  // The formats that lay out every conversation inside a whole-report page keep the results; JSONL and JSON do not.
  const keepResults = targets.some((t) => t.format !== 'jsonl' && t.format !== 'json');
  const lineSinks = targets.filter((t) => t.format === 'jsonl').map((t) => new LineSink(t));
  const jsonTargets = keepResults ? [] : targets.filter((t) => t.format === 'json');
  const needs: RenderNeeds = { line: lineSinks.length > 0 || keepResults, pretty: jsonTargets.length > 0 };
  const spool = jsonTargets.length ? new JsonSpool() : undefined;
  const placeholder: ConversationResult[] = [];

  const totals = { filesRead: 0, conversationsRead: 0, filesListed: 0, bytesListed: 0, bytesRead: 0 };
  const progress = createProgress(progressEnabled(flags.quiet));
  const accumulator = new ReportAccumulator();
  const results: ConversationResult[] = [];
  const skipped: Skipped[] = [];
  const shard = flags.shard;
  // Every shard reads the whole input: the first lists what was skipped and noted, so merged shards list it once.
  const lists = !shard || shard.index === 1;
  let found = 0;
  let analysed = 0;
  let filesStarted = 0;
  let file: string | undefined;

  let analyzer: Analyzer | undefined;
  let pool: WorkerPool | undefined;
  let outOfMemory: (error: unknown) => boolean = () => false;
  let jobs = flags.jobs;
  /** Batches sent or analysed and not yet written, oldest first; `done` once their results are back. */
  const inFlight: { pending: Promise<Rendered[]>; done?: Rendered[] }[] = [];
  let batch: Conversation[] = [];
  let batchTurns = 0;
  let seq = 0;

  const emit = async (rendered: Rendered[]): Promise<void> => {
    for (const r of rendered) {
      accumulator.addDigest(r.digest);
      analysed++;
      if (keepResults) results.push(r.result ?? (JSON.parse(r.line!) as ConversationResult));
      for (const sink of lineSinks) sink.write(`${r.line!}\n`);
      spool?.write(r.pretty!);
    }
    // A slow disk or reader holds the reading back, so results never pile up in memory.
    await Promise.all([...lineSinks.map((sink) => sink.drained()), spool?.drained()]);
    progress.update({ conversations: analysed, filesDone: filesStarted, filesListed: totals.filesListed, bytesRead: totals.bytesRead, bytesListed: totals.bytesListed, file });
  };

  const startAnalysis = async (): Promise<void> => {
    // Chosen when the first conversation arrives, when the input's size is known.
    jobs ??= totals.bytesListed > 0 && totals.bytesListed < SMALL_INPUT_BYTES && !paths.includes('-') ? 1 : availableParallelism();
    if (jobs > 1) {
      // Started first: the workers load their models while this thread loads its own.
      const workers = await import('./workers.js');
      pool = new workers.WorkerPool(jobs - 1, { lang: flags.lang, settings, configFile, needs });
      outOfMemory = (error) => error instanceof workers.WorkerOutOfMemory;
    }
    const { createAnalyzer } = await import('../analyze.js');
    analyzer = await createAnalyzer({ lang: flags.lang, settings, configFile });
  };

  const analyseHere = (conversation: Conversation): Rendered => {
    const result = analyzer!.analyzeConversation(conversation);
    return { ...renderResult(result, needs), ...(keepResults ? { result } : {}) };
  };

  const sendBatch = async (): Promise<void> => {
    if (!batch.length) return;
    const conversations = batch;
    batch = [];
    batchTurns = 0;
    if (pool!.saturated(LOCAL_AFTER_QUEUED)) {
      const done = conversations.map(analyseHere);
      inFlight.push({ pending: Promise.resolve(done), done });
      seq++;
    } else {
      // A batch too big for a worker's capped heap is analysed here instead: same results, no lost conversations.
      const run = pool!.run(seq++, conversations).catch((error: unknown) => {
        if (outOfMemory(error)) return conversations.map(analyseHere);
        throw error;
      });
      const entry: (typeof inFlight)[number] = { pending: run };
      entry.pending.then((done) => (entry.done = done)).catch(() => undefined); // failures surface when awaited
      inFlight.push(entry);
    }
    // Results leave in input order: the oldest batch first, however the workers finish. What is back is written
    // at once; the reader waits only when too much is in flight.
    while (inFlight[0]?.done) await emit(inFlight.shift()!.done!);
    while (inFlight.length >= jobs! * IN_FLIGHT_PER_JOB) await emit(await inFlight.shift()!.pending);
  };

  try {
    if (spool) await spool.open();
    for await (const event of streamInputs(listing, ingestOptions, totals)) {
      if (event.kind === 'file') {
        filesStarted++;
        file = event.file;
        continue;
      }
      if (event.kind === 'skipped') {
        if (!lists) continue;
        skipped.push(event.item);
        progress.log(`heard: skipped ${event.item.source}: ${event.item.reason}\n`);
        continue;
      }
      if (event.kind === 'notice') {
        if (lists) progress.log(`heard: note ${event.notice.source}: ${event.notice.message}\n`);
        continue;
      }
      found++;
      const { conversation } = event;
      if (shard && !inShard(conversation.id, shard)) continue;
      if (!analyzer) await startAnalysis();
      if (!pool) {
        await emit([analyseHere(conversation)]);
        continue;
      }
      batch.push(conversation);
      batchTurns += conversation.turns.length;
      if (batch.length >= BATCH_CONVERSATIONS || batchTurns >= BATCH_TURNS) await sendBatch();
    }
    if (pool) {
      await sendBatch();
      while (inFlight.length) await emit(await inFlight.shift()!.pending);
    }
    progress.done();
    if (found === 0) {
      throw new HeardError(`no conversation could be read from ${paths.join(', ')} (${skipped.length} item(s) skipped)`);
    }
    const { reportFrom } = await import('../analyze.js');
    const createdBy = analyzer?.config ?? (await import('../config/record.js')).configRecord(settings, configFile);
    // A shard's share of the conversations read: its own, and (the first shard) those skipped whole.
    const read = shard ? analysed + (lists ? totals.conversationsRead - found : 0) : totals.conversationsRead;
    const report = reportFrom(accumulator, keepResults ? results : placeholder, skipped, createdBy, read);
    const finish = new Map<Target, (prepared: HeardReport) => Promise<void>>();
    for (const sink of lineSinks) finish.set(sink.target, () => sink.finish());
    for (const target of jsonTargets) finish.set(target, (prepared) => spool!.writeReport(target, prepared, placeholder));
    const streamed: Streamed = { finish, missing: accumulator.missing };
    const code = await publish(report, baseline, targets, flags, streamed);
    // The reports are written first, so the pipeline that stops still has them to show what was skipped.
    if (flags.strict && skipped.length) {
      process.stderr.write(`heard: --strict: ${skipped.length} input item(s) skipped (listed above)\n`);
      return EXIT.fatal;
    }
    return code;
  } finally {
    progress.done();
    await pool?.close();
    await spool?.remove();
  }
}
