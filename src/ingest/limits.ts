// Guards that keep one absurd record from exhausting memory or time (README, "Bad input and safety"). A guard
// never drops anything silently: what it cuts is listed in `skipped` with the source and the limit that cut it.
import type { Conversation, Skipped, Turn } from '../model/conversation.js';
import { formatSource } from '../model/conversation.js';
import type { IngestOptions } from './types.js';

/**
 * Characters of one turn that are analysed. Real turns are a few hundred characters; a chat message of a few
 * pages is 10,000. Beyond that it is a pasted log or a broken export, and analysing it costs minutes and
 * gigabytes (a 50 MB turn took 100 s and 4 GB before this guard) for no judgement anyone would trust.
 */
export const DEFAULT_MAX_TURN_CHARS = 20_000;
/**
 * Turns of one conversation that are analysed. A three-hour call is about 2,000 turns; 10,000 take a few
 * seconds. More is several conversations without separators, or a generated file.
 */
export const DEFAULT_MAX_TURNS = 10_000;
/**
 * Characters of one conversation that are analysed. Analysis holds about 18 bytes per character (measured: a
 * 40 M-character conversation peaked at 721 MB), and a large input runs with 1,024 MB of heap
 * (src/cli/heap.ts); the two limits above alone still allow 200 M. A three-hour call is well under a million.
 */
export const DEFAULT_MAX_CONVERSATION_CHARS = 20_000_000;
/**
 * JSON nesting heard reads. Every format heard reads nests 5 levels or fewer; JSON.parse itself overflows the
 * stack at some thousands, which would turn a hostile file into an internal error.
 */
export const MAX_JSON_DEPTH = 64;
/**
 * Bytes of one input file read whole (plain text, a JSON document, vendor JSON, captions): V8 strings stop at
 * about 512 M characters, so a larger file cannot even be decoded; a quarter of that keeps memory sane on a small
 * CI runner. JSONL and CSV/TSV stream and have no size limit: this is the most of one JSONL line or CSV record.
 */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

export interface Limits {
  maxTurnChars: number;
  maxTurns: number;
  maxConversationChars: number;
}

export function limitsOf(options: IngestOptions): Limits {
  return {
    maxTurnChars: options.maxTurnChars ?? DEFAULT_MAX_TURN_CHARS,
    maxTurns: options.maxTurns ?? DEFAULT_MAX_TURNS,
    maxConversationChars: options.maxConversationChars ?? DEFAULT_MAX_CONVERSATION_CHARS,
  };
}

/** The first `max` UTF-16 code units, never splitting a surrogate pair. */
function clipText(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * A conversation within the limits: turns after the first `maxTurns`, characters after the first `maxTurnChars`
 * of a turn, and turns after the conversation's first `maxConversationChars` characters are not analysed. The
 * conversation itself is kept (a judgement on most of it is worth more than none) and every cut is pushed onto
 * `skipped`.
 */
export function applyLimits(conversation: Conversation, limits: Limits, skipped: Skipped[]): Conversation {
  const { id } = conversation;
  let turns = conversation.turns;
  if (turns.length > limits.maxTurns) {
    skipped.push({
      source: formatSource(conversation.source),
      reason: `conversation ${id} has ${turns.length} turns: turns ${limits.maxTurns + 1} to ${turns.length} were not analysed (--max-turns ${limits.maxTurns})`,
    });
    turns = turns.slice(0, limits.maxTurns);
  }
  if (turns.some((t) => t.text.length > limits.maxTurnChars)) {
    turns = turns.map((turn): Turn => {
      if (turn.text.length <= limits.maxTurnChars) return turn;
      skipped.push({
        source: formatSource(turn.source),
        reason: `turn ${turn.index + 1} of conversation ${id} is ${turn.text.length} characters long: only the first ${limits.maxTurnChars} were analysed (--max-turn-chars ${limits.maxTurnChars})`,
      });
      return { ...turn, text: clipText(turn.text, limits.maxTurnChars) };
    });
  }
  let chars = 0;
  // The first turn is always kept: a conversation cut to nothing would not be judged at all.
  const within = Math.max(1, turns.findIndex((turn) => (chars += turn.text.length) > limits.maxConversationChars));
  if (chars > limits.maxConversationChars && within < turns.length) {
    const total = turns.reduce((sum, turn) => sum + turn.text.length, 0);
    skipped.push({
      source: formatSource(conversation.source),
      reason: `conversation ${id} has ${total} characters: turns ${within + 1} to ${turns.length} were not analysed (--max-conversation-chars ${limits.maxConversationChars})`,
    });
    turns = turns.slice(0, within);
  }
  return turns === conversation.turns ? conversation : { ...conversation, turns };
}
