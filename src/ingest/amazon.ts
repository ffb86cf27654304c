// Amazon's contact-centre analytics output, one conversation per file, in the shape Contact Lens (Amazon
// Connect, voice and chat) and Transcribe Call Analytics share:
//   {"Participants": [{"ParticipantId", "ParticipantRole", "DisplayName"?}], "CustomerMetadata": {"ContactId"},
//    "JobName"?, "LanguageCode", "Transcript": [{"ParticipantId" | "ParticipantRole", "Content",
//    "BeginOffsetMillis", "EndOffsetMillis" (calls) | "AbsoluteTime" (chats), "Type"?: "MESSAGE" | "EVENT"}]}
// Voice items name the speaker by ParticipantId (resolved through Participants); chat and Transcribe items
// carry ParticipantRole. Contact Lens SYSTEM messages are bot turns; chat EVENT items (joined, left, ended)
// are not turns. The analytics' own sentiment, categories and talk-time figures are not read: heard judges
// the words and times itself.
import type { Conversation, Role, Skipped } from '../model/conversation.js';
import { agentFromOptions, buildConversation, fileStem, type PendingTurn } from './normalise.js';
import { parseTimestamp } from './time.js';
import type { AdapterResult, IngestOptions, InputAdapter } from './types.js';
import { describe, hasJsonKey, isObject, jsonObject, language, num, startsAsObject, str } from './values.js';
import { REDACTION } from '../language/text-view.js';

/** ParticipantRole values of the schema (a fixed enum of the vendor's, not vocabulary to tune). */
const PARTICIPANT_ROLES: Record<string, Role> = { AGENT: 'agent', CUSTOMER: 'customer', SYSTEM: 'bot', CUSTOM_BOT: 'bot' };

/** Display names that are no one's name: Contact Lens' own label for system messages, or a redacted name. */
function personName(name: string | undefined): string | undefined {
  if (name === undefined || name === 'SYSTEM_MESSAGE') return undefined;
  return name.replace(REDACTION, '').trim() === '' ? undefined : name;
}

interface Participant {
  role?: string;
  name?: string;
}

function participantsOf(value: unknown): Map<string, Participant> {
  const map = new Map<string, Participant>();
  if (!Array.isArray(value)) return map;
  for (const p of value) {
    const id = isObject(p) ? str(p.ParticipantId) : undefined;
    if (!id || !isObject(p)) continue;
    const entry: Participant = {};
    const role = str(p.ParticipantRole);
    const name = personName(str(p.DisplayName));
    if (role) entry.role = role;
    if (name) entry.name = name;
    map.set(id, entry);
  }
  return map;
}

export function parseAmazon(text: string, file: string, options: IngestOptions = {}): AdapterResult {
  const read = jsonObject(text, file, 'Contact Lens or Transcribe Call Analytics output');
  if (!read.ok) return { conversations: [], skipped: [read.skipped] };
  const doc = read.doc;
  if (!Array.isArray(doc.Transcript)) {
    return { conversations: [], skipped: [{ source: file, reason: 'no "Transcript" array (expected Contact Lens or Transcribe Call Analytics output)' }] };
  }
  const skipped: Skipped[] = [];
  const participants = participantsOf(doc.Participants);
  const turns: PendingTurn[] = [];
  doc.Transcript.forEach((item: unknown, i: number) => {
    const source = { file, record: i + 1 };
    if (!isObject(item)) {
      turns.push({ text: '', source, invalid: `Transcript item ${i + 1} is not an object (${describe(item)})` });
      return;
    }
    // Chat events (participant joined or left, chat ended) are not things anyone said.
    if (item.Type === 'EVENT') return;
    const id = str(item.ParticipantId);
    const who = id !== undefined ? participants.get(id) : undefined;
    // Newer voice files use the role itself as the id ("AGENT"), older ones an opaque id from Participants.
    const roleValue = str(item.ParticipantRole) ?? who?.role ?? id;
    const turn: PendingTurn = { text: typeof item.Content === 'string' ? item.Content : '', source };
    const role = roleValue !== undefined ? PARTICIPANT_ROLES[roleValue.toUpperCase()] : undefined;
    if (role === undefined) {
      turn.invalid = `Transcript item ${i + 1}: unknown participant role ${describe(roleValue ?? null)} (expected AGENT, CUSTOMER or SYSTEM)`;
    } else {
      turn.role = role;
    }
    const name = personName(str(item.DisplayName)) ?? who?.name;
    if (name && role !== 'bot') turn.name = name;
    const begin = num(item.BeginOffsetMillis);
    const end = num(item.EndOffsetMillis);
    const absolute = typeof item.AbsoluteTime === 'string' ? parseTimestamp(item.AbsoluteTime) : undefined;
    if (begin !== undefined) turn.start = begin / 1000;
    else if (absolute !== undefined) turn.start = absolute;
    if (end !== undefined) turn.end = end / 1000;
    turns.push(turn);
  });
  const metadata = isObject(doc.CustomerMetadata) ? doc.CustomerMetadata : {};
  const id = str(metadata.ContactId) ?? str(doc.JobName) ?? fileStem(file);
  const named = turns.some((t) => t.role === 'agent' && t.name !== undefined);
  const agent = named ? undefined : agentFromOptions(options.agent);
  const lang = language(doc.LanguageCode);
  const conversation: Conversation | undefined = buildConversation(
    { id, ...(agent ? { agent } : {}), ...(lang ? { language: lang } : {}), turns, source: { file } },
    skipped,
  );
  return { conversations: conversation ? [conversation] : [], skipped };
}

/** Contact Lens output lists its Participants (and the contact's id) beside the Transcript. */
export const contactLensAdapter: InputAdapter = {
  id: 'contact-lens',
  extensions: [],
  sniff: (text) =>
    startsAsObject(text) && hasJsonKey(text, 'Transcript', '[') && (hasJsonKey(text, 'Participants', '[') || hasJsonKey(text, 'CustomerMetadata', '{')),
  parse: parseAmazon,
};

/** Transcribe Call Analytics output: the same Transcript items, each with its ParticipantRole, and no Participants. */
export const transcribeAdapter: InputAdapter = {
  id: 'transcribe',
  extensions: [],
  sniff: (text) => startsAsObject(text) && hasJsonKey(text, 'Transcript', '[') && hasJsonKey(text, 'ParticipantRole', '"'),
  parse: parseAmazon,
};
