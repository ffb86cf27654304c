// Hand-built conversations for tests: conversation('C: text', 'A: text', ...) → a Conversation whose turns
// carry their index, role and a source line, as if read from a plain-text transcript.
import type { Conversation, Language, Role, Turn } from '../../src/model/conversation.js';

const ROLES: Record<string, Role> = { C: 'customer', A: 'agent', B: 'bot', S: 'system' };

export interface ConversationOptions {
  id?: string;
  agent?: string;
  language?: Language;
  file?: string;
}

/** Each line is "C: …" (customer), "A: …" (agent), "B: …" (bot) or "S: …" (system); the colon may be full-width. */
export function conversation(...lines: string[]): Conversation {
  return conversationWith({}, ...lines);
}

export function conversationWith(options: ConversationOptions, ...lines: string[]): Conversation {
  const file = options.file ?? 'test.txt';
  const turns: Turn[] = lines.map((line, index) => {
    const m = /^\s*([CABS])\s*[:：]\s?(.*)$/su.exec(line);
    if (!m) throw new Error(`test conversation line ${index + 1} must start with "C:", "A:", "B:" or "S:": ${line}`);
    const role = ROLES[m[1]!]!;
    return {
      index,
      role,
      speaker: role === 'agent' ? (options.agent ?? 'Agent') : role === 'customer' ? 'Customer' : undefined,
      text: m[2]!,
      source: { file, line: index + 1 },
    };
  });
  return {
    id: options.id ?? 'T-1',
    agent: options.agent,
    language: options.language,
    turns,
    source: { file, line: 1 },
  };
}
