// heard's own JSON: one conversation object, an array of them, or JSONL (one per line).
//   {"id": "T-1", "agent": "Maria", "language": "en",
//    "turns": [{"role": "customer", "text": "...", "speaker": "Tom", "start": 0, "end": 4.2}]}
// Unknown fields are ignored.
import type { Conversation, ParseResult, Skipped, SourceRef } from '../model/conversation.js';
import { buildConversation, fileStem, type PendingTurn } from './normalise.js';
import { roleOfLabel, roleOfValue } from './roles.js';
import { parseTimestamp } from './time.js';
import type { IngestOptions, InputAdapter } from './types.js';
import { describe, isObject, language, parseJsonText, str } from './values.js';

const EXPECTED = 'expected {"id": ..., "turns": [{"role": "agent"|"customer"|"bot"|"system", "text": ...}]}';

function seconds(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') return parseTimestamp(v);
  return undefined;
}

/** One conversation object → a conversation, or a reason it cannot be one. */
export function conversationFrom(
  value: unknown,
  source: SourceRef,
  where: string,
  options: IngestOptions,
  skipped: Skipped[],
): Conversation | undefined {
  if (!isObject(value)) {
    skipped.push({ source: where, reason: `not a conversation object (${describe(value)}); ${EXPECTED}` });
    return undefined;
  }
  if (!Array.isArray(value.turns)) {
    skipped.push({ source: where, reason: `no "turns" array; ${EXPECTED}` });
    return undefined;
  }
  const id = str(value.id) ?? str(value.conversation_id) ?? `${fileStem(source.file)}#${source.line ?? source.record ?? 1}`;
  const turns: PendingTurn[] = value.turns.map((t: unknown, i: number): PendingTurn => {
    const turnSource = { ...source };
    const turnWhere = `turn ${i + 1} of ${where}`;
    if (!isObject(t)) {
      return { text: '', source: turnSource, invalid: `${turnWhere}: not an object (${describe(t)}); expected {"role", "text"}` };
    }
    const turn: PendingTurn = { text: '', source: turnSource };
    const speaker = str(t.speaker) ?? str(t.name);
    if (speaker) {
      turn.label = speaker;
      turn.name = speaker;
    }
    const rawRole = str(t.role);
    const role = rawRole !== undefined ? roleOfValue(rawRole) : speaker ? roleOfLabel(speaker, options).role : undefined;
    if (role === undefined) {
      turn.invalid =
        rawRole === undefined
          ? `${turnWhere}: no "role" (expected agent, customer, bot or system)`
          : `${turnWhere}: unknown role ${describe(t.role)} (expected agent, customer, bot or system)`;
      return turn;
    }
    turn.role = role;
    if (typeof t.text !== 'string') {
      turn.invalid = `${turnWhere}: no "text" string`;
      return turn;
    }
    turn.text = t.text;
    if (t.text.trim() === '') turn.invalid = `${turnWhere}: empty turn`;
    const start = seconds(t.start);
    const end = seconds(t.end);
    if (start !== undefined) turn.start = start;
    if (end !== undefined) turn.end = end;
    return turn;
  });
  const agent = str(value.agent) ?? str(value.agent_id) ?? str(value.agent_name);
  const lang = language(value.language);
  return buildConversation(
    { id, ...(agent ? { agent } : {}), ...(lang ? { language: lang } : {}), turns, source },
    skipped,
  );
}

export function parseJson(text: string, file: string, options: IngestOptions = {}): ParseResult {
  const skipped: Skipped[] = [];
  const conversations: Conversation[] = [];
  const keep = (c: Conversation | undefined): void => {
    if (c) conversations.push(c);
  };
  text = text.replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (trimmed === '') return { conversations, skipped };

  // A whole-file document: an array, a single object, or {"conversations": [...]}.
  const whole = parseJsonText(trimmed);
  if (!whole.ok) {
    // An array, or a pretty-printed object, that does not parse is one broken document, not JSONL; a file
    // named as JSONL is read line by line, so a broken line is reported with its number.
    const firstLine = trimmed.split(/\r\n|\n|\r/, 1)[0]!.trim();
    if (!/\.(?:jsonl|ndjson)$/i.test(file) && (trimmed.startsWith('[') || !firstLine.endsWith('}'))) {
      return { conversations, skipped: [{ source: file, reason: whole.reason }] };
    }
  } else {
    const doc = whole.value;
    const list = Array.isArray(doc)
      ? doc
      : isObject(doc) && Array.isArray(doc.conversations) && !Array.isArray(doc.turns)
        ? doc.conversations
        : undefined;
    if (list) {
      list.forEach((item, i) => {
        const source = { file, record: i + 1 };
        keep(conversationFrom(item, source, `${file}#${i + 1}`, options, skipped));
      });
    } else {
      keep(conversationFrom(doc, { file, line: 1, record: 1 }, `${file}:1`, options, skipped));
    }
    return { conversations, skipped };
  }

  // JSONL: one conversation per line; a bad line is skipped, the others are kept.
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    const parsed = parseJsonText(line);
    if (!parsed.ok) {
      skipped.push({ source: where, reason: `${parsed.reason}; expected one conversation object per line` });
      return;
    }
    keep(conversationFrom(parsed.value, { file, line: i + 1, record: i + 1 }, where, options, skipped));
  });
  return { conversations, skipped };
}

export const jsonAdapter: InputAdapter = {
  id: 'json',
  extensions: ['.json', '.jsonl', '.ndjson'],
  sniff(text: string): boolean {
    return /^\s*[[{]/.test(text.replace(/^\uFEFF/, ''));
  },
  parse: parseJson,
};
