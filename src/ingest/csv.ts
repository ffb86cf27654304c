// CSV/TSV exports: one row per turn, grouped into conversations by an id column.
import { parse, type Options } from 'csv-parse/sync';
import type { Conversation, ParseResult, Role, Skipped } from '../model/conversation.js';
import { buildConversation, fileStem, type PendingTurn } from './normalise.js';
import { roleOfLabel, roleOfOption, roleOfValue } from './roles.js';
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

function delimiterFor(file: string, headerLine: string): string {
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
 * Rows with their line numbers; a bad row becomes a Skipped entry and the rest are still read. Rows are checked
 * against the header's cell count here rather than by csv-parse, whose count comes from the first record it
 * sees, which after a recovery is not the header.
 */
function readRows(text: string, file: string, delimiter: string, skipped: Skipped[]): Row[] {
  const rows: Row[] = [];
  const badLines = new Set<number>();
  const lines = text.split('\n');
  let record = 0;
  const skip = (line: number, reason: string): void => {
    if (badLines.has(line)) return;
    badLines.add(line);
    skipped.push({ source: `${file}:${line}`, reason });
  };
  // csv-parse reads an unclosed quote to the end of the file: the row it opens on is skipped and reading
  // starts again on the next line, so one stray quote costs one row, not the rest of the file.
  let from = 0;
  for (let recoveries = 0; ; recoveries++) {
    let unclosed: number | undefined;
    try {
      parse(from === 0 ? text : lines.slice(from).join('\n'), {
        delimiter,
        info: true,
        raw: true,
        relax_quotes: true,
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_skip: (err: CsvErrorLike | undefined, raw: string | undefined) => {
          const line = from + startLine(err?.lines ?? 0, raw);
          if (err?.code === 'CSV_QUOTE_NOT_CLOSED') unclosed ??= line;
          else skip(line, `bad CSV row: ${err?.message ?? 'unreadable'}`);
          return undefined;
        },
        // With info and raw on, csv-parse hands on_record {record, info, raw} (its typings do not say so).
        on_record: ((rec: { record: string[]; info: { lines: number }; raw: string }) => {
          const line = from + startLine(rec.info.lines, rec.raw);
          const expected = rows[0]?.cells.length;
          if (expected !== undefined && rec.record.length !== expected && !rec.record.every((c) => c.trim() === '')) {
            skip(line, `row has ${rec.record.length} cells, the header has ${expected}`);
          } else {
            rows.push({ cells: rec.record, line, record: record++ });
          }
          return null;
        }) as unknown as Options['on_record'],
      });
    } catch (err) {
      const e = err as CsvErrorLike;
      skipped.push({
        source: e.lines !== undefined ? `${file}:${from + e.lines}` : file,
        reason: `CSV could not be read past this point: ${e.message ?? String(err)}`,
      });
    }
    if (unclosed === undefined) return rows;
    if (recoveries === MAX_QUOTE_RECOVERIES) {
      skip(unclosed, `bad CSV row: a quoted cell starting here is never closed, and ${MAX_QUOTE_RECOVERIES} rows before it had the same fault: the rest of the file was not read`);
      return rows;
    }
    skip(unclosed, 'bad CSV row: a quoted cell starting on this line is never closed; the line was skipped and reading went on with the next one');
    from = unclosed; // 1-based line number = 0-based index of the next line
  }
}

function describeExpected(field: CsvField): string {
  return CSV_HEADERS[field].join(', ');
}

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
  let cols: ColumnMap;
  try {
    cols = mapColumns(header.cells, options.columns);
  } catch (err) {
    return { conversations, skipped: [{ source: file, reason: (err as Error).message }] };
  }
  const found = header.cells.map((h) => JSON.stringify(h)).join(', ');
  if (cols.text === undefined) {
    return {
      conversations,
      skipped: [
        {
          source: file,
          reason: `no text column (headers found: ${found}; expected one of: ${describeExpected('text')}; or use --columns text=NAME)`,
        },
      ],
    };
  }
  if (cols.role === undefined && cols.speaker === undefined) {
    return {
      conversations,
      skipped: [
        {
          source: file,
          reason: `no role or speaker column (headers found: ${found}; expected one of: ${describeExpected('role')}, ${describeExpected('speaker')}; or use --columns role=NAME)`,
        },
      ],
    };
  }

  const cell = (row: Row, field: CsvField): string => {
    const i = cols[field];
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const stem = fileStem(file);
  const groups = new Map<string, { agent?: string; turns: PendingTurn[] }>();
  let lastId = stem;
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    // Exports that merge cells leave the id on the first row of a conversation only.
    const id = cols.conversation !== undefined ? cell(row, 'conversation') || lastId : stem;
    lastId = id;
    let group = groups.get(id);
    if (!group) {
      group = { turns: [] };
      groups.set(id, group);
    }
    const agentName = cell(row, 'agent');
    if (group.agent === undefined && agentName) group.agent = agentName;

    const speaker = cell(row, 'speaker');
    const turn: PendingTurn = { text: cell(row, 'text'), source: { file, line: row.line, record: row.record } };
    if (turn.text === '') turn.invalid = 'row has no text';
    const bySpeaker = speaker ? roleOfLabel(speaker, options) : {};
    const role: Role | undefined =
      (speaker ? roleOfOption(speaker, options) : undefined) ?? roleOfValue(cell(row, 'role')) ?? bySpeaker.role;
    if (speaker) turn.label = speaker;
    if (role) turn.role = role;
    if (bySpeaker.name) turn.name = bySpeaker.name;
    const start = parseTimestamp(cell(row, 'timestamp'));
    if (start !== undefined) turn.start = start;
    group.turns.push(turn);
  }
  for (const [id, group] of groups) {
    const conv = buildConversation(
      { id, ...(group.agent ? { agent: group.agent } : {}), turns: group.turns, source: group.turns[0]!.source },
      skipped,
    );
    if (conv) conversations.push(conv);
  }
  return { conversations, skipped };
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
