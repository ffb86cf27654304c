// Shared last step of every adapter: pending turns → a Conversation, with roles settled,
// empty and unknown-role turns dropped (and counted), and indices made consecutive.
import { basename, extname } from 'node:path';
import type { Conversation, Language, Role, Skipped, SourceRef, Turn } from '../model/conversation.js';
import { formatSource } from '../model/conversation.js';

export interface PendingTurn {
  /** The speaker label as written (used to tell speakers apart and in messages). */
  label?: string;
  /** Known role, if the label, a role column or the record says so. */
  role?: Role;
  /** The person's name, if known ("Agent Maria" → "Maria"). */
  name?: string;
  text: string;
  start?: number;
  end?: number;
  source: SourceRef;
  /** Already known to be unusable: recorded as Skipped with this reason, in turn order. */
  invalid?: string;
}

export interface ConversationDraft {
  id: string;
  agent?: string;
  language?: Language;
  turns: PendingTurn[];
  source: SourceRef;
}

/** File name without directory and extension: the id stem for conversations without an id. */
export function fileStem(file: string): string {
  if (file === '<stdin>') return 'stdin';
  const base = basename(file);
  const ext = extname(base);
  return ext && ext !== base ? base.slice(0, -ext.length) : base;
}

function speakerKey(t: PendingTurn): string | undefined {
  const s = t.label ?? t.name;
  return s === undefined ? undefined : s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function nameKey(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Settle the roles of speakers the labels said nothing about:
 * 1. a speaker whose label is the name of a known speaker ("Maria" after "Agent Maria") takes that role;
 * 2. when exactly one speaker is still unknown and the known speakers include the agent side or the
 *    customer side but not both, it takes the other side (a speaker facing only bots is the customer).
 * Returns the role for each speaker key that could be settled.
 */
export function inferRoles(turns: PendingTurn[]): Map<string, Role> {
  const known = new Map<string, Role>();
  const byName = new Map<string, Role>();
  for (const t of turns) {
    const key = speakerKey(t);
    if (t.role === undefined) continue;
    if (key !== undefined && !known.has(key)) known.set(key, t.role);
    if (t.name !== undefined && !byName.has(nameKey(t.name))) byName.set(nameKey(t.name), t.role);
  }
  const unknown = new Set<string>();
  for (const t of turns) {
    const key = speakerKey(t);
    if (t.role !== undefined || key === undefined || known.has(key)) continue;
    const same = byName.get(key);
    if (same) known.set(key, same);
    else unknown.add(key);
  }
  if (unknown.size === 1) {
    const roles = new Set(known.values());
    const hasAgent = roles.has('agent');
    const hasCustomer = roles.has('customer');
    let other: Role | undefined;
    if (hasAgent && !hasCustomer) other = 'customer';
    else if (hasCustomer && !hasAgent) other = 'agent';
    else if (!hasAgent && !hasCustomer && roles.size > 0) other = 'customer';
    if (other) known.set([...unknown][0]!, other);
  }
  return known;
}

/**
 * The Skipped entries that stand for a whole conversation (found, but with no usable turn), so the reader can
 * count the conversations it read without every adapter counting them (or matching message text).
 */
const droppedConversations = new WeakSet<Skipped>();

export function isDroppedConversation(item: Skipped): boolean {
  return droppedConversations.has(item);
}

/**
 * Build a conversation from pending turns. Skipped turns (invalid, empty, unknown role) are pushed
 * onto `skipped` in turn order. Returns undefined (and records why) when no turn is left.
 */
export function buildConversation(draft: ConversationDraft, skipped: Skipped[]): Conversation | undefined {
  const roles = inferRoles(draft.turns.filter((t) => t.invalid === undefined && t.text.trim() !== ''));
  const turns: Turn[] = [];
  let agent = draft.agent?.trim() || undefined;
  for (const t of draft.turns) {
    const at = formatSource(t.source);
    if (t.invalid !== undefined) {
      skipped.push({ source: at, reason: t.invalid });
      continue;
    }
    const text = t.text.trim();
    if (text === '') {
      skipped.push({ source: at, reason: 'empty turn' });
      continue;
    }
    const key = speakerKey(t);
    const role = t.role ?? (key !== undefined ? roles.get(key) : undefined);
    if (role === undefined) {
      const who = t.label ?? t.name ?? '(none)';
      skipped.push({
        source: at,
        reason: `unknown role for speaker ${who} at ${at} (name it with --agent or --customer)`,
      });
      continue;
    }
    // A speaker whose role was inferred is known by its label, which is then a name.
    const name = t.name ?? (t.role === undefined ? t.label?.trim() : undefined);
    if (agent === undefined && role === 'agent' && name) agent = name;
    const turn: Turn = { index: turns.length, role, text, source: t.source };
    const speaker = name ?? t.label?.trim();
    if (speaker) turn.speaker = speaker;
    if (t.start !== undefined) turn.start = t.start;
    if (t.end !== undefined) turn.end = t.end;
    turns.push(turn);
  }
  if (turns.length === 0) {
    const dropped: Skipped = {
      source: formatSource(draft.source),
      reason:
        draft.turns.length === 0
          ? `conversation ${draft.id} has no turns`
          : `conversation ${draft.id} has no usable turns (all ${draft.turns.length} skipped)`,
    };
    droppedConversations.add(dropped);
    skipped.push(dropped);
    return undefined;
  }
  const conversation: Conversation = { id: draft.id, turns, source: draft.source };
  if (agent) conversation.agent = agent;
  if (draft.language) conversation.language = draft.language;
  return conversation;
}

/**
 * The agent's name for exports that name nobody (Contact Lens voice, Transcribe, CCAI): a single
 * `--agent NAME` is taken to name the agent of every such conversation; several say nothing.
 */
export function agentFromOptions(agents: string[] | undefined): string | undefined {
  return agents?.length === 1 ? agents[0]!.trim() || undefined : undefined;
}
