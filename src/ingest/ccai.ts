// Google Contact Center AI Insights conversation JSON, one conversation per file:
//   {"conversation_info": {...}?, "entries": [{"text", "role": "AGENT" | "AUTOMATED_AGENT" | "CUSTOMER" |
//    "END_USER", "user_id": 1, "start_timestamp_usec": 1700000000000000}]}
// AUTOMATED_AGENT entries (a virtual agent) are kept as bot turns, never scored as the agent's. Entries carry a
// start time only (microseconds since the epoch), so heard reads their timing as a chat's.
import type { Role, Skipped } from '../model/conversation.js';
import { agentFromOptions, buildConversation, fileStem, type PendingTurn } from './normalise.js';
import type { AdapterResult, IngestOptions, InputAdapter } from './types.js';
import { describe, hasJsonKey, isObject, jsonObject, num, startsAsObject, str } from './values.js';

/** The schema's participant roles (Insights also uses the Dialogflow names HUMAN_AGENT and END_USER). */
const ENTRY_ROLES: Record<string, Role> = {
  AGENT: 'agent',
  HUMAN_AGENT: 'agent',
  AUTOMATED_AGENT: 'bot',
  CUSTOMER: 'customer',
  END_USER: 'customer',
};

export function parseCcai(text: string, file: string, options: IngestOptions = {}): AdapterResult {
  const read = jsonObject(text, file, 'a CCAI Insights conversation');
  if (!read.ok) return { conversations: [], skipped: [read.skipped] };
  const doc = read.doc;
  if (!Array.isArray(doc.entries)) {
    return { conversations: [], skipped: [{ source: file, reason: 'no "entries" array (expected a CCAI Insights conversation)' }] };
  }
  const skipped: Skipped[] = [];
  const turns = doc.entries.map((entry: unknown, i: number): PendingTurn => {
    const source = { file, record: i + 1 };
    if (!isObject(entry)) return { text: '', source, invalid: `entry ${i + 1} is not an object (${describe(entry)})` };
    const turn: PendingTurn = { text: typeof entry.text === 'string' ? entry.text : '', source };
    const roleValue = str(entry.role);
    const role = roleValue !== undefined ? ENTRY_ROLES[roleValue.toUpperCase()] : undefined;
    if (role === undefined) {
      turn.invalid = `entry ${i + 1}: unknown role ${describe(entry.role ?? null)} (expected AGENT, AUTOMATED_AGENT, CUSTOMER or END_USER)`;
    } else {
      turn.role = role;
    }
    // Participants are told apart by user_id; it is a number, not a name, so it becomes no speaker name.
    const usec = num(entry.start_timestamp_usec) ?? (typeof entry.start_timestamp_usec === 'string' ? Number(entry.start_timestamp_usec) : undefined);
    if (usec !== undefined && Number.isFinite(usec)) turn.start = usec / 1e6;
    return turn;
  });
  const agent = agentFromOptions(options.agent);
  const conversation = buildConversation({ id: fileStem(file), ...(agent ? { agent } : {}), turns, source: { file } }, skipped);
  return { conversations: conversation ? [conversation] : [], skipped };
}

export const ccaiAdapter: InputAdapter = {
  id: 'ccai',
  extensions: [],
  sniff: (text) =>
    startsAsObject(text) && hasJsonKey(text, 'entries', '[') && hasJsonKey(text, 'start_timestamp_usec'),
  parse: parseCcai,
};
