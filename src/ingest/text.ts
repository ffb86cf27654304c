// Plain-text chat logs: "Speaker: text" lines, optional timestamps, continuation lines,
// several conversations per file separated by a line of === or ---.
import type { Conversation, ParseResult, Skipped } from '../model/conversation.js';
import { buildConversation, fileStem, type PendingTurn } from './normalise.js';
import { roleOfLabel, roleOfOption, type SpeakerInfo } from './roles.js';
import { parseTimestamp, TIMESTAMP_SOURCE } from './time.js';
import type { IngestOptions, InputAdapter } from './types.js';

const TS = TIMESTAMP_SOURCE;
/** `[10:32:05]`, `(00:01:23)`, `10:32`, `2024-03-01 10:32:05` at the start of a line, maybe followed by `-` or `|`. */
const LEAD_TS = new RegExp(String.raw`^\s*(?:[\[(（【]\s*(${TS})\s*[\])）】]|(${TS})(?![\d:A-Za-z]))\s*[-–—|]?\s*`, 'u');
/** `Agent [10:32]: text` — a timestamp after the label. */
const LABEL_TS = new RegExp(String.raw`^([^:：[(（【]{1,40}?)\s*[\[(（【]\s*(${TS})\s*[\])）】]\s*[:：]\s*(.*)$`, 'u');
/** `Label: text` or `标签：文本`; not `https://`. */
const SPEAKER = /^([^:：]{1,48}?)\s*[:：](?!\/\/)\s*(.*)$/u;
/** A separator line: three or more = or -, maybe with a header (`=== conversation 42 ===`, `--- id: ABC ---`). */
const SEPARATOR = /^\s*(?:={3,}|-{3,})(.*?)(?:={3,}|-{3,})?\s*$/u;
const ID_PREFIX =
  /^(?:(?:conversation|conv|chat|ticket|call|session|case|transcript)(?![\p{L}])|对话|對話|会话|會話|工单|工單|编号|編號|id(?![\p{L}]))\s*[#:：=]?\s*/iu;

const HAN = /\p{Script=Han}/u;
const SENTENCE_PUNCT = /[,;!?"“”…，。；！？、]/u;
/** Chinese characters that appear in sentences, not in names or titles. */
const CJK_FUNCTION = /[我你他她了吗呢吧啊给說说是在要想没沒把被的就都也]/u;
/** Labels that introduce content inside a message ("Order number: 123"), not a speaker. */
const LATIN_STOP = new Set([
  'note', 'notes', 'ps', 'p.s', 'p.s.', 're', 'subject', 'order', 'tracking', 'email', 'e-mail', 'phone', 'tel',
  'address', 'total', 'amount', 'price', 'date', 'time', 'error', 'step', 'reason', 'ref', 'reference', 'http',
  'https', 'warning', 'tip', 'update', 'edit', 'fyi', 'example', 'invoice', 'account', 'card', 'item', 'items',
  'product', 'sku', 'status', 'result', 'answer', 'question', 'eta', 'id', 'url', 'link', 'code',
]);
const CJK_STOP = /订单|訂單|单号|單號|备注|備註|地址|电话|電話|手机|手機|时间|時間|金额|金額|原因|问题|問題|注意|提示|邮箱|郵箱|账号|帳號|姓名|日期|价格|價格|链接|鏈接|商品|型号|型號/u;

/** Could this label be a speaker at all (short, no sentence punctuation)? */
function speakerShaped(label: string, info: SpeakerInfo, options: IngestOptions): boolean {
  if (roleOfOption(label, options) !== undefined) return true; // named by --agent / --customer
  if (label.length > 40 || !/\p{L}/u.test(label) || SENTENCE_PUNCT.test(label)) return false;
  const words = label.split(/\s+/);
  if (words.length > 4) return false;
  if (HAN.test(label)) {
    const han = label.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han > 12 || CJK_FUNCTION.test(label.replace(/[([（【].*?[)\]）】]/gu, ''))) return false;
    if (info.role === undefined && CJK_STOP.test(label)) return false;
  }
  const latin = words.filter((w) => /[A-Za-z]/.test(w));
  if (latin.length > 1) {
    // Multi-word Latin labels are titles or names: "Agent Maria", "Customer Service", "Mary Jones".
    const firstIsRole = roleOfLabel(words[0]!).role !== undefined && roleOfLabel(words[0]!).name === undefined;
    const ok = latin.every((w, i) => {
      if (/^[\p{Lu}\d([（【]/u.test(w)) return true;
      const bare = roleOfLabel(w);
      if (bare.role !== undefined && bare.name === undefined) return true;
      return firstIsRole && words.length === 2 && i === 1;
    });
    if (!ok) return false;
  }
  if (info.role === undefined) {
    const first = words[0]!.toLowerCase().replace(/[#.]+$/, '');
    if (LATIN_STOP.has(first) || LATIN_STOP.has(words[0]!.toLowerCase())) return false;
  }
  return true;
}

interface Line {
  no: number;
  text: string;
}

interface Item {
  line: number;
  /** The whole line, for when a turn start is demoted to a continuation. */
  raw: string;
  turn?: { label: string; info: SpeakerInfo; text: string; start?: number };
}

function parseLine(line: Line, options: IngestOptions): Item {
  const item: Item = { line: line.no, raw: line.text.trim() };
  let rest = line.text;
  let start: number | undefined;
  const ts = LEAD_TS.exec(rest);
  if (ts) {
    start = parseTimestamp(ts[1] ?? ts[2] ?? '');
    rest = rest.slice(ts[0].length);
  }
  rest = rest.trim();
  const withTime = LABEL_TS.exec(rest);
  const spoken = withTime ? shapedSpeaker(withTime[1]!, withTime[3] ?? '', options) : splitSpeaker(rest, options);
  if (!spoken) return item;
  if (withTime) start ??= parseTimestamp(withTime[2]!);
  item.turn = { label: spoken.label, info: spoken.info, text: spoken.said };
  if (start !== undefined) item.turn.start = start;
  return item;
}

export interface SpokenLine {
  label: string;
  info: SpeakerInfo;
  said: string;
}

function shapedSpeaker(rawLabel: string, said: string, options: IngestOptions): SpokenLine | undefined {
  const label = rawLabel.trim();
  const info = roleOfLabel(label, options);
  return speakerShaped(label, info, options) ? { label, info, said } : undefined;
}

/** "Label: text" when the label is shaped like a speaker, not content ("Order number: 123"); captions use it too. */
export function splitSpeaker(line: string, options: IngestOptions): SpokenLine | undefined {
  const m = SPEAKER.exec(line.trim());
  return m ? shapedSpeaker(m[1]!, m[2] ?? '', options) : undefined;
}

function idFromHeader(header: string): string | undefined {
  let h = header.trim();
  if (h === '') return undefined;
  for (;;) {
    const m = ID_PREFIX.exec(h);
    if (!m || m[0].length === 0 || h.slice(m[0].length).trim() === '') break;
    h = h.slice(m[0].length).trim();
  }
  return h;
}

interface Segment {
  header?: string;
  headerLine?: number;
  lines: Line[];
}

function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [{ lines: [] }];
  text.split(/\r\n|\n|\r/).forEach((t, i) => {
    const sep = SEPARATOR.exec(t);
    if (sep) {
      const seg: Segment = { lines: [] };
      const header = idFromHeader(sep[1] ?? '');
      if (header) {
        seg.header = header;
        seg.headerLine = i + 1;
      }
      segments.push(seg);
    } else {
      segments[segments.length - 1]!.lines.push({ no: i + 1, text: t });
    }
  });
  return segments.filter((s) => s.header !== undefined || s.lines.some((l) => l.text.trim() !== ''));
}

/**
 * A label without a role seen once is most likely part of a message ("Order number: 123",
 * "Thanks: ..."), not a speaker, when the conversation's two sides are already accounted for:
 * agent and customer are both known, or one is known and a repeated unnamed speaker can be the other.
 * Such lines become continuation lines. Labels that are the name of a known speaker are kept.
 */
function demoteOneOffLabels(items: Item[]): void {
  const roles = new Set(items.map((it) => it.turn?.info.role));
  const names = new Set(
    items.flatMap((it) => (it.turn?.info.role && it.turn.info.name ? [it.turn.info.name.toLowerCase()] : [])),
  );
  const counts = new Map<string, number>();
  for (const it of items) {
    if (it.turn && it.turn.info.role === undefined) {
      const k = it.turn.label.toLowerCase();
      if (!names.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  const repeated = [...counts.values()].filter((n) => n > 1).length;
  const hasAgent = roles.has('agent');
  const hasCustomer = roles.has('customer');
  if (!((hasAgent && hasCustomer) || ((hasAgent || hasCustomer) && repeated >= 1))) return;
  for (const it of items) {
    const k = it.turn?.label.toLowerCase();
    if (k !== undefined && it.turn?.info.role === undefined && counts.get(k) === 1) delete it.turn;
  }
}

interface SegmentTurns {
  segment: Segment;
  turns: PendingTurn[];
  /** Lines of the segment that were not used. */
  skipped: Skipped[];
}

function segmentTurns(segment: Segment, file: string, options: IngestOptions): SegmentTurns {
  const skipped: Skipped[] = [];
  const items = segment.lines.filter((l) => l.text.trim() !== '').map((l) => parseLine(l, options));
  demoteOneOffLabels(items);
  const turns: PendingTurn[] = [];
  const preamble: Item[] = [];
  for (const it of items) {
    if (it.turn) {
      const t: PendingTurn = { label: it.turn.label, text: it.turn.text, source: { file, line: it.line } };
      if (it.turn.info.role !== undefined) t.role = it.turn.info.role;
      if (it.turn.info.name !== undefined) t.name = it.turn.info.name;
      if (it.turn.start !== undefined) t.start = it.turn.start;
      turns.push(t);
    } else if (turns.length > 0) {
      const last = turns[turns.length - 1]!;
      last.text = last.text.trim() === '' ? it.raw : `${last.text}\n${it.raw}`;
    } else {
      preamble.push(it);
    }
  }
  if (preamble.length > 0) {
    const n = preamble.length;
    const lines = `${n} line${n === 1 ? '' : 's'}`;
    skipped.push({
      source: `${file}:${preamble[0]!.line}`,
      reason:
        turns.length > 0
          ? `${lines} before the first "Speaker: text" line ignored`
          : `${lines} with no "Speaker: text" line ignored`,
    });
  }
  return { segment, turns, skipped };
}

export function parseText(text: string, file: string, options: IngestOptions = {}): ParseResult {
  const skipped: Skipped[] = [];
  const conversations: Conversation[] = [];
  const parts = splitSegments(text.replace(/^\uFEFF/, '')).map((s) => segmentTurns(s, file, options));
  const withTurns = parts.filter((p) => p.turns.length > 0);
  if (withTurns.length === 0) {
    if (text.trim() !== '') {
      skipped.push({ source: file, reason: 'no "Speaker: text" lines found (expected lines like "Agent: Hello" or "客服：您好")' });
    }
    return { conversations, skipped };
  }
  const stem = fileStem(file);
  const several = withTurns.length > 1;
  for (const p of parts) {
    skipped.push(...p.skipped);
    if (p.turns.length === 0) {
      const empty = p.segment.lines.every((l) => l.text.trim() === '');
      if (empty && p.segment.header !== undefined) {
        skipped.push({ source: `${file}:${p.segment.headerLine}`, reason: `conversation ${p.segment.header} has no turns` });
      }
      continue;
    }
    const n = withTurns.indexOf(p) + 1;
    const id = p.segment.header ?? (several ? `${stem}#${n}` : stem);
    const conv = buildConversation({ id, turns: p.turns, source: p.turns[0]!.source }, skipped);
    if (conv) conversations.push(conv);
  }
  return { conversations, skipped };
}

const SNIFF_LINE = /^\s*(?:[\[(（【]?\s*\d{1,4}[-/:.\d\s]*[\])）】]?\s*)?[^:：\s][^:：]{0,40}[:：]\s*\S/u;

export const textAdapter: InputAdapter = {
  id: 'text',
  extensions: ['.txt', '.log'],
  sniff(text: string): boolean {
    const lines = text.split(/\r\n|\n|\r/, 50).filter((l) => l.trim() !== '');
    return lines.some((l) => SNIFF_LINE.test(l));
  },
  parse: parseText,
};
