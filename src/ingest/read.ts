// Read input paths (files, directories, "-" for stdin) into conversations, all at once: the streaming reader's
// events collected. Never throws for bad input: unreadable files, bad encodings and parser failures become
// Skipped entries; what the reader decided on the user's behalf (a file read as GB18030, a speaker assumed to
// be the agent) becomes a Notice.
import type { Conversation, ParseResult, Skipped } from '../model/conversation.js';
import { streamInputs } from './stream.js';
import type { StreamTotals } from './stream.js';
import type { IngestOptions, Notice } from './types.js';

export { decode } from './decode.js';

export interface ReadResult extends ParseResult {
  /** Files whose bytes were read and decoded. */
  filesRead: number;
  /**
   * Conversations found: those returned plus those skipped whole because none of their turns was usable.
   * What could not even be told apart as a conversation (a file or line that is not JSON) is only in `skipped`.
   */
  conversationsRead: number;
  notices: Notice[];
}

/**
 * Read every input: files, directories (recursed; files with a known extension, sorted by path) and
 * "-" for stdin.
 */
export async function readInputs(paths: string[], options: IngestOptions = {}): Promise<ReadResult> {
  const conversations: Conversation[] = [];
  const skipped: Skipped[] = [];
  const notices: Notice[] = [];
  const totals: StreamTotals = { filesRead: 0, conversationsRead: 0, filesListed: 0, bytesListed: 0 };
  for await (const event of streamInputs(paths, options, totals)) {
    if (event.kind === 'conversation') conversations.push(event.conversation);
    else if (event.kind === 'skipped') skipped.push(event.item);
    else if (event.kind === 'notice') notices.push(event.notice);
  }
  return { conversations, skipped, filesRead: totals.filesRead, conversationsRead: totals.conversationsRead, notices };
}
