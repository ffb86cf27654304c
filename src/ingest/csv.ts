// CSV/TSV exports: one row per turn, grouped into conversations by an id column.
import { finished } from 'node:stream/promises';
import { Parser } from 'csv-parse';
import { parse, type Options } from 'csv-parse/sync';
import type { Conversation, ParseResult, Role, Skipped } from '../model/conversation.js';
import { fnv1a } from '../hash.js';
import { MAX_FILE_BYTES } from './limits.js';
import { buildConversation, fileStem, type PendingTurn } from './normalise.js';
import { roleOfLabel, roleOfOption, roleOfValue, type SpeakerInfo } from './roles.js';
import { parseTimestamp } from './time.js';
import type { CsvField, IngestOptions, InputAdapter } from './types.js';

/** Header names heard recognises for each field, best first (compared case-insensitively, spaces and - as _). */
export const CSV_HEADERS: Record<CsvField, string[]> = {
  text: [
    'text', 'message', 'content', 'body', 'utterance', 'transcript', 'message_text', 'message_body',
    '内容', '消息', '消息内容', '聊天内容', '文本', '內容', '訊息', '訊息內容',
  ],
  conversation: [
    'conversation_id', 'conversation', 'ticket_id', 'ticket', 'call_id', 'chat_id', 'session_id', 'case_id', 'id',
    '会话id', '会话编号', '会话', '对话id', '工单号', '會話id', '會話編號', '對話id', '工單號',
  ],
  role: ['role', 'speaker_role', 'sender_type', 'participant_role', 'from_type', '角色', '发送方', '發送方', '身份'],
  speaker: [
    'speaker', 'sender', 'author', 'from', 'name', 'participant', 'sender_name', 'speaker_name',
    '发送人', '发送者', '发言人', '说话人', '發送人', '發送者', '發言人', '說話人',
  ],
  agent: ['agent', 'agent_id', 'agent_name', '客服', '坐席', '客服昵称', '客服名称', '客服工号', '坐席工号', '客服暱稱'],
  timestamp: [
    'timestamp', 'time', 'start', 'start_time', 'created_at', 'date', 'sent_at', 'datetime',
    '时间', '发送时间', '時間', '發送時間',
  ],
};

const FIELD_ORDER: CsvField[] = ['text', 'conversation', 'role', 'speaker', 'agent', 'timestamp'];

function normHeader(h: string): string {
  return h.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export type ColumnMap = Partial<Record<CsvField, number>>;

/** Map header cells to heard's fields: --columns overrides first, then the known names. Throws on a bad override. */
export function mapColumns(header: string[], overrides: IngestOptions['columns'] = {}): ColumnMap {
  const norm = header.map(normHeader);
  const used = new Set<number>();
  const map: ColumnMap = {};
  for (const field of FIELD_ORDER) {
    const wanted = overrides[field];
    if (wanted === undefined) continue;
    const i = norm.indexOf(normHeader(wanted));
    if (i < 0) {
      throw new Error(`--columns ${field}=${wanted}: no such column (headers found: ${header.join(', ')})`);
    }
    map[field] = i;
    used.add(i);
  }
  for (const field of FIELD_ORDER) {
    if (map[field] !== undefined) continue;
    for (const name of CSV_HEADERS[field]) {
      const i = norm.findIndex((h, j) => h === name && !used.has(j));
      if (i >= 0) {
        map[field] = i;
        used.add(i);
        break;
      }
    }
  }
  return map;
}

/** The delimiter, from the file's name and its first line. */
export function delimiterFor(file: string, headerLine: string): string {
  if (/\.tsv$/i.test(file) || headerLine.includes('\t')) return '\t';
  if (headerLine.includes(';') && !headerLine.includes(',')) return ';';
  return ',';
}

interface Row {
  cells: string[];
  line: number;
  record: number;
}

interface CsvErrorLike {
  code?: string;
  message?: string;
  lines?: number;
}

/** The line a record starts on, from the line it ends on and its raw text. */
function startLine(endLine: number, raw: string | undefined): number {
  if (raw === undefined) return endLine;
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

/** After this many unclosed quotes a file is not CSV, and re-reading the rest each time would be quadratic. */
const MAX_QUOTE_RECOVERIES = 100;

/**
 * Bytes of one CSV record (a row, with its quoted line breaks). An unclosed quote makes the rest of the file one
 * record; read as a stream, the record is dropped when it passes this size and reading goes on with the line after
 * the one it started on, as at the end of a file. It is the most heard reads of one file whole, so every file heard
 * could read whole is read the same way as a stream.
 */
export const MAX_CSV_RECORD_BYTES = MAX_FILE_BYTES;

/** Thrown from on_skip to stop csv-parse at a record that is too long (it cannot skip that one and go on). */
class RecordTooLong extends Error {}

/**
 * Rows with their line numbers, in order, from one reading of the text or several: csv-parse reads an unclosed
 * quote to the end of the file (or MAX_CSV_RECORD_BYTES), so the row it opens on is skipped and reading starts
 * again on the next line — one stray quote costs one row, not the rest of the file. A bad row becomes a Skipped
 * entry and the rest are still read. Rows are checked against the header's cell count here rather than by
 * csv-parse, whose count comes from the first record it sees, which after a recovery is not the header.
 *
 * A driver parses the text from line `from` with `options()`, takes what `drain()` gives as it goes, and asks
 * `next()` where to start again.
 */
class RowReader {
  /** Line the current reading starts after (0: the start of the text). */
  from = 0;
  private out: (Row | Skipped)[] = [];
  private expected: number | undefined;
  private record = 0;
  private recoveries = 0;
  private unclosed: number | undefined;
  private tooLong = false;
  private readonly badLines = new Set<number>();

  constructor(
    private readonly file: string,
    private readonly delimiter: string,
    private readonly maxRecordBytes = MAX_CSV_RECORD_BYTES,
  ) {}

  /** This reading was stopped at a record that is too long: the text after it is not to be fed. */
  get stopped(): boolean {
    return this.tooLong;
  }

  private skip(line: number, reason: string): void {
    if (this.badLines.has(line)) return;
    this.badLines.add(line);
    this.out.push({ source: `${this.file}:${line}`, reason });
  }

  /** csv-parse options for a reading from line `from`. */
  options(): Options {
    const from = this.from;
    return {
      delimiter: this.delimiter,
      raw: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: this.maxRecordBytes,
      on_skip: (err: CsvErrorLike | undefined, raw: string | undefined) => {
        const line = from + startLine(err?.lines ?? 0, raw);
        if (err?.code === 'CSV_MAX_RECORD_SIZE') {
          this.unclosed ??= line;
          this.tooLong = true;
          throw new RecordTooLong();
        }
        if (err?.code === 'CSV_QUOTE_NOT_CLOSED') this.unclosed ??= line;
        else this.skip(line, `bad CSV row: ${err?.message ?? 'unreadable'}`);
        return undefined;
      },
      // With raw on, csv-parse hands on_record {record, raw} (its typings do not say so), and the info second.
      on_record: ((rec: { record: string[]; raw: string }, info: { lines: number }) => {
        const line = from + startLine(info.lines, rec.raw);
        const expected = this.expected;
        if (expected !== undefined && rec.record.length !== expected && !rec.record.every((c) => c.trim() === '')) {
          this.skip(line, `row has ${rec.record.length} cells, the header has ${expected}`);
        } else {
          this.expected ??= rec.record.length;
          this.out.push({ cells: rec.record, line, record: this.record++ });
        }
        return null;
      }) as unknown as Options['on_record'],
    };
  }

  /** A reading that csv-parse gave up on. */
  failed(err: unknown): void {
    if (err instanceof RecordTooLong) return;
    const e = err as CsvErrorLike;
    this.out.push({
      source: e.lines !== undefined ? `${this.file}:${this.from + e.lines}` : this.file,
      reason: `CSV could not be read past this point: ${e.message ?? String(err)}`,
    });
  }

  /** Rows and skipped rows found since the last call, in order. */
  drain(): (Row | Skipped)[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  /** After a reading: the line to read on from (0-based index of the next line), or undefined when done. */
  next(): number | undefined {
    const unclosed = this.unclosed;
    if (unclosed === undefined) return undefined;
    this.unclosed = undefined;
    const what = this.tooLong
      ? `a record starting on this line is longer than ${this.maxRecordBytes} bytes (a quoted cell never closed?)`
      : 'a quoted cell starting on this line is never closed';
    this.tooLong = false;
    if (this.recoveries++ === MAX_QUOTE_RECOVERIES) {
      this.skip(unclosed, `bad CSV row: ${what}, and ${MAX_QUOTE_RECOVERIES} rows before it had the same fault: the rest of the file was not read`);
      return undefined;
    }
    this.skip(unclosed, `bad CSV row: ${what}; the line was skipped and reading went on with the next one`);
    this.from = unclosed; // 1-based line number = 0-based index of the next line
    return unclosed;
  }
}

const isRow = (item: Row | Skipped): item is Row => 'cells' in item;

/** Rows of a whole text (newlines normalised), and the rows skipped. */
function readRows(text: string, file: string, delimiter: string, skipped: Skipped[]): Row[] {
  const rows: Row[] = [];
  const reader = new RowReader(file, delimiter);
  const lines = text.split('\n');
  do {
    try {
      parse(reader.from === 0 ? text : lines.slice(reader.from).join('\n'), reader.options());
    } catch (err) {
      reader.failed(err);
    }
    for (const item of reader.drain()) {
      if (isRow(item)) rows.push(item);
      else skipped.push(item);
    }
  } while (reader.next() !== undefined);
  return rows;
}

/** Text with CRLF and CR line ends made LF, chunk by chunk (a CR at the end of a chunk waits for the next). */
export async function* lfChunks(source: AsyncIterable<string>): AsyncGenerator<string> {
  let first = true;
  let cr = '';
  for await (const chunk of source) {
    let text = cr + chunk;
    if (first && text !== '') {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    cr = text.endsWith('\r') ? '\r' : '';
    if (cr) text = text.slice(0, -1);
    if (text) yield text.replace(/\r\n?/g, '\n');
  }
  if (cr) yield '\n';
}

/** The text after its first `lines` lines. */
async function* afterLines(source: AsyncIterable<string>, lines: number): AsyncGenerator<string> {
  let left = lines;
  for await (const chunk of source) {
    let at = 0;
    while (left > 0) {
      const nl = chunk.indexOf('\n', at);
      if (nl < 0) break;
      at = nl + 1;
      left -= 1;
    }
    if (left === 0 && at < chunk.length) yield at === 0 ? chunk : chunk.slice(at);
  }
}

/** Resolves when a writable may be written again, or will never be (it failed or closed). */
function drained(stream: NodeJS.WritableStream & { destroyed: boolean }): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * Rows as the text streams: `open` gives the text (line ends normalised) from its start, and is called again to
 * read on after an unclosed quote. csv-parse's stream Parser sees one chunk at a time.
 */
async function* streamRows(open: () => AsyncIterable<string>, file: string, delimiter: string, maxRecordBytes: number): AsyncGenerator<Row | Skipped> {
  const reader = new RowReader(file, delimiter, maxRecordBytes);
  do {
    const parser = new Parser(reader.options());
    let failure: unknown;
    parser.on('error', (err) => (failure ??= err));
    parser.resume(); // records are taken in on_record: nothing is pushed to read
    try {
      for await (const text of afterLines(open(), reader.from)) {
        const ok = parser.write(text);
        yield* reader.drain();
        if (reader.stopped || failure !== undefined || parser.destroyed) break;
        if (!ok) await drained(parser);
      }
      if (!reader.stopped && failure === undefined && !parser.destroyed) {
        parser.end();
        await finished(parser);
      }
    } catch (err) {
      failure ??= err;
    } finally {
      parser.destroy();
    }
    if (failure !== undefined) reader.failed(failure);
    yield* reader.drain();
  } while (reader.next() !== undefined);
}

function describeExpected(field: CsvField): string {
  return CSV_HEADERS[field].join(', ');
}

/** heard's fields in the header, or why the file cannot be read. */
function columnsOf(header: Row, file: string, options: IngestOptions): ColumnMap | Skipped {
  let cols: ColumnMap;
  try {
    cols = mapColumns(header.cells, options.columns);
  } catch (err) {
    return { source: file, reason: (err as Error).message };
  }
  const found = header.cells.map((h) => JSON.stringify(h)).join(', ');
  if (cols.text === undefined) {
    return { source: file, reason: `no text column (headers found: ${found}; expected one of: ${describeExpected('text')}; or use --columns text=NAME)` };
  }
  if (cols.role === undefined && cols.speaker === undefined) {
    return {
      source: file,
      reason: `no role or speaker column (headers found: ${found}; expected one of: ${describeExpected('role')}, ${describeExpected('speaker')}; or use --columns role=NAME)`,
    };
  }
  return cols;
}

const isSkipped = (value: ColumnMap | Skipped): value is Skipped => 'reason' in value && typeof value.reason === 'string';

/** Distinct speaker labels and role values remembered per file (a file of more starts again). */
const MEMO_SIZE = 10_000;

/** Rows → turns of conversations: the id of each row and its turn, the same whichever way the rows are grouped. */
class RowTurns {
  private lastId: string;
  private readonly stem: string;

  constructor(
    readonly cols: ColumnMap,
    private readonly file: string,
    private readonly options: IngestOptions,
  ) {
    this.stem = fileStem(file);
    this.lastId = this.stem;
  }

  /** What a speaker label and a role value say, worked out once per distinct value (they repeat on every row). */
  private readonly speakers = new Map<string, { option?: Role; label: SpeakerInfo }>();
  private readonly roles = new Map<string, Role | undefined>();

  private speaker(label: string): { option?: Role; label: SpeakerInfo } {
    let known = this.speakers.get(label);
    if (!known) {
      if (this.speakers.size >= MEMO_SIZE) this.speakers.clear();
      known = { option: roleOfOption(label, this.options), label: roleOfLabel(label, this.options) };
      this.speakers.set(label, known);
    }
    return known;
  }

  private role(value: string): Role | undefined {
    if (this.roles.has(value)) return this.roles.get(value);
    if (this.roles.size >= MEMO_SIZE) this.roles.clear();
    const role = roleOfValue(value);
    this.roles.set(value, role);
    return role;
  }

  private cell(row: Row, field: CsvField): string {
    const i = this.cols[field];
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  }

  /** The conversation a row belongs to, or undefined for a row of blank cells (which belongs to none). */
  idOf(row: Row): string | undefined {
    if (row.cells.every((c) => c.trim() === '')) return undefined;
    // Exports that merge cells leave the id on the first row of a conversation only.
    const id = this.cols.conversation !== undefined ? this.cell(row, 'conversation') || this.lastId : this.stem;
    this.lastId = id;
    return id;
  }

  /** Add a row's turn to its conversation in `groups` (started by its first row); its id, unless the row is blank. */
  group(groups: Map<string, CsvGroup>, row: Row): string | undefined {
    const id = this.idOf(row);
    if (id === undefined) return undefined;
    let group = groups.get(id);
    if (!group) {
      group = { turns: [] };
      groups.set(id, group);
    }
    this.add(group, row);
    return id;
  }

  /** Add a row's turn (and the agent it names, the first one only) to its conversation. */
  private add(group: CsvGroup, row: Row): void {
    const agentName = this.cell(row, 'agent');
    if (group.agent === undefined && agentName) group.agent = agentName;
    const speaker = this.cell(row, 'speaker');
    const turn: PendingTurn = { text: this.cell(row, 'text'), source: { file: this.file, line: row.line, record: row.record } };
    if (turn.text === '') turn.invalid = 'row has no text';
    const known = speaker ? this.speaker(speaker) : undefined;
    const bySpeaker = known?.label ?? {};
    const role: Role | undefined = known?.option ?? this.role(this.cell(row, 'role')) ?? bySpeaker.role;
    if (speaker) turn.label = speaker;
    if (role) turn.role = role;
    if (bySpeaker.name) turn.name = bySpeaker.name;
    const start = parseTimestamp(this.cell(row, 'timestamp'));
    if (start !== undefined) turn.start = start;
    group.turns.push(turn);
  }
}

interface CsvGroup {
  agent?: string;
  turns: PendingTurn[];
}

function conversationOf(id: string, group: CsvGroup, skipped: Skipped[]): Conversation | undefined {
  return buildConversation({ id, ...(group.agent ? { agent: group.agent } : {}), turns: group.turns, source: group.turns[0]!.source }, skipped);
}

/** A whole CSV text: conversations in the order of their first rows. */
export function parseCsv(text: string, file: string, options: IngestOptions = {}): ParseResult {
  const skipped: Skipped[] = [];
  const conversations: Conversation[] = [];
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const headerLine = normalised.split('\n', 1)[0] ?? '';
  const rows = readRows(normalised, file, delimiterFor(file, headerLine), skipped);
  const header = rows.shift();
  if (!header) {
    if (skipped.length === 0) skipped.push({ source: file, reason: 'CSV file has no header row' });
    return { conversations, skipped };
  }
  const cols = columnsOf(header, file, options);
  if (isSkipped(cols)) return { conversations, skipped: [cols] };
  const turns = new RowTurns(cols, file, options);
  const groups = new Map<string, CsvGroup>();
  for (const row of rows) turns.group(groups, row);
  for (const [id, group] of groups) {
    const conv = conversationOf(id, group, skipped);
    if (conv) conversations.push(conv);
  }
  return { conversations, skipped };
}

export type CsvEvent = { kind: 'conversation'; conversation: Conversation } | { kind: 'skipped'; item: Skipped };

/**
 * A CSV file as a stream, in two readings of its text (`open(pass)` gives it from the start, line ends
 * normalised, as often as asked): the first finds the last row of every conversation id and reports the bad
 * rows, the second groups the rows and hands each conversation on as soon as its last row is read. Memory holds
 * the ids (first reading) and the conversations whose rows are still to come, never the file. The conversations
 * are parseCsv's, in the order their last rows come in the file — for a file sorted by conversation, the order of
 * their first rows, as parseCsv gives them; the skipped items are parseCsv's, in the same order when conversations
 * do not interleave (bad rows first, then each conversation's unusable turns).
 */
export async function* streamCsv(
  open: (pass: 'index' | 'group') => AsyncIterable<string>,
  file: string,
  delimiter: string,
  options: IngestOptions = {},
  maxRecordBytes = MAX_CSV_RECORD_BYTES,
): AsyncGenerator<CsvEvent> {
  // First reading: the header, the bad rows, and the record number of each conversation's last row.
  let turns: RowTurns | undefined;
  let any = false;
  const beforeHeader: Skipped[] = [];
  // Keyed by a 31-bit hash of the id, not the id: a 2 GB export holds millions of ids. Two ids that share a hash
  // share the later of their last rows, so the one that ends first is handed on at the end of the file instead.
  const lastRow = new Map<number, number>();
  const keyOf = (id: string): number => fnv1a(id) >>> 1;
  for await (const item of streamRows(() => open('index'), file, delimiter, maxRecordBytes)) {
    if (!isRow(item)) {
      if (turns) {
        any = true;
        yield { kind: 'skipped', item };
      } else beforeHeader.push(item);
      continue;
    }
    if (!turns) {
      const cols = columnsOf(item, file, options);
      if (isSkipped(cols)) {
        yield { kind: 'skipped', item: cols };
        return;
      }
      for (const skipped of beforeHeader) yield { kind: 'skipped', item: skipped };
      any = beforeHeader.length > 0;
      turns = new RowTurns(cols, file, options);
      continue;
    }
    const id = turns.idOf(item);
    if (id !== undefined) lastRow.set(keyOf(id), item.record);
  }
  if (!turns) {
    for (const item of beforeHeader) yield { kind: 'skipped', item };
    if (beforeHeader.length === 0) yield { kind: 'skipped', item: { source: file, reason: 'CSV file has no header row' } };
    return;
  }
  // Second reading: the same rows (bad ones were reported above); each conversation leaves with its last row.
  turns = new RowTurns(turns.cols, file, options);
  const pending = new Map<string, CsvGroup>();
  const close = function* (id: string, group: CsvGroup): Generator<CsvEvent> {
    const skipped: Skipped[] = [];
    const conversation = conversationOf(id, group, skipped);
    any = true;
    for (const item of skipped) yield { kind: 'skipped', item };
    if (conversation) yield { kind: 'conversation', conversation };
  };
  let header = true;
  for await (const item of streamRows(() => open('group'), file, delimiter, maxRecordBytes)) {
    if (!isRow(item)) continue;
    if (header) {
      header = false;
      continue;
    }
    const id = turns.group(pending, item);
    if (id !== undefined && lastRow.get(keyOf(id)) === item.record) {
      const group = pending.get(id)!;
      pending.delete(id);
      lastRow.delete(keyOf(id));
      yield* close(id, group);
    }
  }
  // Ids that shared a hash with a later one, or a file that changed between the readings: what is still open is
  // handed on as it stands.
  for (const [id, group] of pending) yield* close(id, group);
  if (!any) yield { kind: 'skipped', item: { source: file, reason: 'no conversation found (read as csv)' } };
}

export const csvAdapter: InputAdapter = {
  id: 'csv',
  extensions: ['.csv', '.tsv'],
  sniff(text: string): boolean {
    const first = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).find((l) => l.trim() !== '');
    if (!first) return false;
    const cells = first.split(first.includes('\t') ? '\t' : first.includes(',') ? ',' : ';').map(normHeader);
    if (cells.length < 2) return false;
    const known = new Set(Object.values(CSV_HEADERS).flat());
    return cells.some((c) => known.has(c.replace(/^"|"$/g, '')));
  },
  parse: parseCsv,
};
