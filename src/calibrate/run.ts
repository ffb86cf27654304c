// Runs the analyzer over one evaluation file (JSONL, heard's format plus a "gold" field) and compares it with the
// human judgements. Used by scripts/eval.mjs; see shared/eval/README.md for the sets.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { Analyzer } from '../analyze.js';
import type { ConversationResult } from '../model/analysis.js';
import type { Conversation } from '../model/conversation.js';
import { parseJson } from '../ingest/json.js';
import {
  compareCs,
  compareEsconv,
  compareStc3,
  csErrors,
  esconvErrors,
  evaluateCs,
  evaluateEsconv,
  evaluateStc3,
  readGold,
  stc3Errors,
} from './gold.js';
import type {
  CsComparison,
  CsEvaluation,
  ErrorReport,
  EsconvComparison,
  EsconvEvaluation,
  Gold,
  GoldKind,
  Stc3Comparison,
  Stc3Evaluation,
} from './gold.js';
import { fmt } from './metrics.js';

export interface EvaluateOptions {
  /** List the disagreements on this label (e.g. "acknowledgement", "solution:fn", "missing-solution", "score"). */
  showErrors?: string;
  /** How many disagreements to list (default 10). */
  limit?: number;
  /** Read at most this many lines (quick runs while tuning). */
  maxLines?: number;
}

export interface SkippedLine {
  /** 1-based line of the file. */
  line: number;
  id?: string;
  reason: string;
}

export interface FileEvaluation {
  file: string;
  /** The file's base name without .jsonl: cs-dev-en, esconv-dev, ... */
  name: string;
  /** Gold shapes met in the file (normally exactly one). */
  kinds: GoldKind[];
  /** Non-blank lines read. */
  lines: number;
  /** Conversations analysed and compared. */
  analysed: number;
  skipped: SkippedLine[];
  /** Turns heard's reader dropped (empty text, unknown role): not analysed, as in `heard analyze`. */
  droppedTurns: number;
  elapsedMs: number;
  cs?: CsEvaluation;
  esconv?: EsconvEvaluation;
  stc3?: Stc3Evaluation;
  errors?: ErrorReport;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export interface ParsedLine {
  conversation: Conversation;
  /** Position of each turn in the line's "turns" → its index in the conversation (absent: dropped by the parser). */
  indexOf: Map<number, number>;
  /** Turns the parser dropped (empty text, unknown role), with its reasons. */
  dropped: string[];
}

/**
 * One evaluation line → a Conversation, through heard's own JSON reader (src/ingest/json.ts), exactly as
 * `heard analyze` would read the file. The reader drops empty and unknown-role turns and renumbers the rest, so the
 * map from the line's turn positions to turn indices is returned too: gold turn indices are positions in the line.
 */
export function lineToConversation(text: string, file: string, line: number): ParsedLine {
  const parsed = parseJson(text, file);
  const conversation = parsed.conversations[0];
  if (!conversation) throw new Error(parsed.skipped.map((s) => s.reason).join('; ') || 'no conversation');
  const source = { file, line, record: line };
  conversation.source = source;
  for (const t of conversation.turns) t.source = source;
  // The kept turns are the line's turns in order, minus the dropped ones, text trimmed.
  const raw = (JSON.parse(text) as { turns: unknown[] }).turns;
  const indexOf = new Map<number, number>();
  let j = 0;
  raw.forEach((t, position) => {
    const kept = conversation.turns[j];
    if (kept && isObject(t) && typeof t.text === 'string' && t.text.trim() === kept.text) {
      indexOf.set(position, kept.index);
      j++;
    }
  });
  return { conversation, indexOf, dropped: parsed.skipped.map((s) => s.reason) };
}

/**
 * Gold turn indices are positions in the line: when the reader dropped turns, give the analysed turns (and the
 * findings that point at them) their positions back, so gold and listings speak of the same turn.
 */
export function restorePositions(result: ConversationResult, indexOf: Map<number, number>): ConversationResult {
  const positionOf = new Map<number, number>();
  let identity = true;
  for (const [position, index] of indexOf) {
    positionOf.set(index, position);
    if (position !== index) identity = false;
  }
  if (identity) return result;
  const at = (index: number): number => positionOf.get(index) ?? index;
  return {
    ...result,
    turns: result.turns.map((t) => ({ ...t, index: at(t.index) })),
    findings: result.findings.map((f) => {
      const g = { ...f, turn: at(f.turn) };
      if (f.agentTurn !== undefined) g.agentTurn = at(f.agentTurn);
      return g;
    }),
  };
}

export function fileLabel(path: string): string {
  return basename(path).replace(/\.jsonl?$/i, '');
}

/** Reads `path` line by line, analyses every conversation, and compares it with its gold. */
export async function evaluateFile(path: string, analyzer: Analyzer, opts: EvaluateOptions = {}): Promise<FileEvaluation> {
  const started = performance.now();
  const limit = opts.limit ?? 10;
  const cs: CsComparison[] = [];
  const esconv: EsconvComparison[] = [];
  const stc3: Stc3Comparison[] = [];
  const skipped: SkippedLine[] = [];
  const kinds = new Set<GoldKind>();
  let lines = 0;
  let lineNo = 0;
  let droppedTurns = 0;

  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const text of rl) {
    lineNo++;
    if (!text.trim()) continue;
    if (opts.maxLines !== undefined && lines >= opts.maxLines) break;
    lines++;
    let id: string | undefined;
    let gold: Gold;
    let parsed: ParsedLine;
    try {
      const raw: unknown = JSON.parse(text);
      if (isObject(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number')) id = String(raw.id);
      gold = readGold(isObject(raw) ? raw.gold : undefined);
      parsed = lineToConversation(text, path, lineNo);
    } catch (err) {
      skipped.push(skip(lineNo, id, `unreadable line: ${(err as Error).message}`));
      continue;
    }
    droppedTurns += parsed.dropped.length;
    let result: ConversationResult;
    try {
      result = restorePositions(analyzer.analyzeConversation(parsed.conversation), parsed.indexOf);
    } catch (err) {
      skipped.push(skip(lineNo, id, `analyzer failed: ${(err as Error).message}`));
      continue;
    }
    kinds.add(gold.kind);
    switch (gold.kind) {
      case 'cs':
        cs.push(compareCs(result, gold));
        break;
      case 'esconv':
        esconv.push(compareEsconv(result, gold));
        break;
      case 'stc3':
        stc3.push(compareStc3(result, gold));
        break;
    }
  }
  rl.close();

  const out: FileEvaluation = {
    file: path,
    name: fileLabel(path),
    kinds: [...kinds],
    lines,
    analysed: cs.length + esconv.length + stc3.length,
    skipped,
    droppedTurns,
    elapsedMs: 0,
  };
  if (cs.length) out.cs = evaluateCs(cs);
  if (esconv.length) out.esconv = evaluateEsconv(esconv);
  if (stc3.length) out.stc3 = evaluateStc3(stc3);
  if (opts.showErrors) {
    // One report per file: from the section the label belongs to (the files hold one gold shape each).
    const reports: ErrorReport[] = [];
    if (cs.length) reports.push(csErrors(cs, opts.showErrors, limit));
    if (esconv.length) reports.push(esconvErrors(esconv, opts.showErrors, limit));
    if (stc3.length) reports.push(stc3Errors(stc3, opts.showErrors, limit));
    const report = reports.find((r) => !r.note) ?? reports[0];
    if (report) out.errors = report;
  }
  out.elapsedMs = performance.now() - started;
  return out;
}

function skip(line: number, id: string | undefined, reason: string): SkippedLine {
  return id === undefined ? { line, reason } : { line, id, reason };
}

// --------------------------------------------------------------------------------------------- formatting

type Align = 'l' | 'r';

/** A plain-text table: columns padded to their widest cell. */
export function textTable(header: string[], rows: string[][], align?: Align[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const cell = (s: string, i: number): string => {
    const pad = ' '.repeat(widths[i]! - width(s));
    return (align?.[i] ?? (i === 0 ? 'l' : 'r')) === 'l' ? s + pad : pad + s;
  };
  const line = (r: string[]): string => r.map((s, i) => cell(s, i)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Collapses whitespace and cuts at `max` characters (code points) with an ellipsis. */
export function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : chars.slice(0, max - 1).join('') + '…';
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function prfRow(label: string, x: { precision: number | null; recall: number | null; f1: number | null }, c: { tp: number; fp: number; fn: number; tn: number }, extra: string[] = []): string[] {
  return [label, fmt(x.precision), fmt(x.recall), fmt(x.f1), ...extra, String(c.tp), String(c.fp), String(c.fn), String(c.tn)];
}

export function formatCs(e: CsEvaluation): string {
  const parts: string[] = [];
  const note = e.unmatchedTurns ? ` (${e.unmatchedTurns} with no analysed agent turn of that index)` : '';
  parts.push(`Turn labels: ${e.turns} gold agent turns in ${e.conversations} conversations${note}`);
  parts.push(
    textTable(
      ['label', 'P', 'R', 'F1', 'kappa', 'TP', 'FP', 'FN', 'TN'],
      e.labels.map((l) => prfRow(l.label, l, l.counts, [fmt(l.kappa)])),
    ),
  );
  parts.push('');
  parts.push('"Missing" findings (status missing vs gold missing, per conversation)');
  parts.push(textTable(['move', 'P', 'R', 'F1', 'TP', 'FP', 'FN', 'TN'], e.missing.map((m) => prfRow(m.move, m, m.counts))));
  parts.push('');
  parts.push('Status agreement (late = present, not_expected = not_needed); gold rows → predicted present/missing/not_needed');
  parts.push(
    textTable(
      ['move', 'acc', 'n', 'present→', 'missing→', 'not_needed→'],
      e.status.map((s) => [
        s.move,
        fmt(s.accuracy),
        String(s.n),
        ...s.matrix.classes.map((g) => s.matrix.classes.map((p) => String(s.matrix.counts[g][p])).join('/')),
      ]),
    ),
  );
  return parts.join('\n');
}

export function formatEsconv(e: EsconvEvaluation): string {
  const parts: string[] = [];
  const note = e.unmatchedTurns ? ` (${e.unmatchedTurns} with no analysed agent turn of that index)` : '';
  parts.push(`ESConv: ${e.turns} labelled supporter turns, one-vs-rest against the single strategy label${note}`);
  parts.push(
    textTable(
      ['move', 'P', 'R', 'F1', 'kappa', 'TP', 'FP', 'FN', 'TN'],
      e.labels.map((l) => prfRow(l.label, l, l.counts, [fmt(l.kappa)])),
    ),
  );
  parts.push('');
  parts.push('Share of turns in which the analyzer finds each move, by human strategy');
  parts.push(
    textTable(
      ['strategy', 'n', 'ack', 'para', 'sol', 'open_q'],
      e.byStrategy.map((r) => [
        r.strategy,
        String(r.n),
        fmt(r.rates.acknowledgement),
        fmt(r.rates.paraphrase),
        fmt(r.rates.solution),
        fmt(r.rates.open_question),
      ]),
    ),
  );
  return parts.join('\n');
}

export function formatStc3(e: Stc3Evaluation): string {
  const parts: string[] = [];
  parts.push(
    `STC-3: ${e.conversations} conversations, ${e.scored} scored, ${e.nullScores} with a null score (left out); mean score ${fmt(e.meanScore, 1)}`,
  );
  parts.push(
    textTable(
      ['rating', "Spearman's rho", 'n'],
      (['S', 'E', 'A'] as const).map((k) => [
        { S: 'S (satisfaction)', E: 'E (effectiveness)', A: 'A (accomplishment)' }[k],
        fmt(e.rho[k].rho, 3),
        String(e.rho[k].n),
      ]),
    ),
  );
  return parts.join('\n');
}

export function formatErrors(r: ErrorReport, textWidth = 160): string {
  const parts: string[] = [];
  if (r.note) return `Errors for "${r.label}": ${r.note}`;
  parts.push(
    `Disagreements on "${r.label}": ${r.fp} false positives, ${r.fn} false negatives; showing ${r.examples.length} of ${r.total}`,
  );
  for (const e of r.examples) {
    const where = e.turn === undefined ? e.id : `${e.id} turn ${e.turn}`;
    parts.push(`  [${e.kind.toUpperCase()}] ${where}`);
    parts.push(`    gold: ${e.gold}   predicted: ${e.predicted}`);
    if (e.customer !== undefined) parts.push(`    customer: ${truncate(e.customer, textWidth)}`);
    if (e.text) parts.push(`    agent:    ${truncate(e.text, textWidth)}`);
    if (e.note) parts.push(`    note:     ${truncate(e.note, textWidth)}`);
  }
  return parts.join('\n');
}

/** The readable report of one file: header, one section per gold shape, skipped lines, error listing. */
export function formatEvaluation(r: FileEvaluation): string {
  const parts: string[] = [];
  const perConv = r.analysed ? ` (${(r.elapsedMs / r.analysed).toFixed(1)} ms/conversation)` : '';
  parts.push(`== ${r.name}: ${r.analysed} of ${r.lines} conversations analysed in ${seconds(r.elapsedMs)}${perConv}`);
  if (r.cs) parts.push(formatCs(r.cs));
  if (r.esconv) parts.push(formatEsconv(r.esconv));
  if (r.stc3) parts.push(formatStc3(r.stc3));
  if (r.droppedTurns) parts.push(`(${r.droppedTurns} empty or unreadable turn(s) dropped by the reader, as heard analyze does)`);
  if (r.skipped.length) {
    const shown = r.skipped.slice(0, 5).map((s) => `  line ${s.line}${s.id ? ` (${s.id})` : ''}: ${s.reason}`);
    const more = r.skipped.length > 5 ? [`  ... and ${r.skipped.length - 5} more`] : [];
    parts.push([`Skipped ${r.skipped.length} line(s):`, ...shown, ...more].join('\n'));
  }
  if (r.errors) parts.push(formatErrors(r.errors));
  return parts.join('\n\n') + '\n';
}
