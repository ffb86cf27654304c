// Reading heard's own output back (heard report, heard explain, --baseline): a JSON report or JSONL results.
import type { ConversationResult } from '../model/analysis.js';
import type { HeardReport } from '../model/report.js';
import { SCHEMA_VERSION } from '../model/report.js';

export type HeardOutput =
  | { kind: 'report'; report: HeardReport }
  | { kind: 'results'; conversations: ConversationResult[] }
  /** heard output this version cannot use (another schemaVersion, a bad line): the reason says which. */
  | { kind: 'unreadable'; reason: string };

/** heard's output in `text`, or undefined when the text is not heard output at all (e.g. a transcript). */
export function parseHeardOutput(text: string): HeardOutput | undefined {
  const body = text.replace(/^\uFEFF/u, '').trim();
  const whole = parseJson(body);
  if (isObject(whole)) {
    if ('schemaVersion' in whole) {
      if (whole.schemaVersion !== SCHEMA_VERSION) {
        return {
          kind: 'unreadable',
          reason: `the report has schemaVersion ${JSON.stringify(whole.schemaVersion)}, and this heard reads schemaVersion ${SCHEMA_VERSION}; compare and merge reports written by the same schema version`,
        };
      }
      return Array.isArray(whole.conversations) && Array.isArray(whole.agents) && isObject(whole.summary)
        ? { kind: 'report', report: whole as unknown as HeardReport }
        : { kind: 'unreadable', reason: 'it has a schemaVersion but no summary, agents and conversations' };
    }
    if (isResult(whole)) return { kind: 'results', conversations: [whole] };
  }
  const lines = body.split(/\r?\n/u);
  if (!isResult(parseJson(lines[0] ?? ''))) return undefined;
  const conversations: ConversationResult[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    const value = parseJson(line);
    if (!isResult(value)) return { kind: 'unreadable', reason: `line ${i + 1} is not a conversation result written by heard analyze --format jsonl` };
    conversations.push(value);
  }
  return { kind: 'results', conversations };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A conversation input has id and turns too: the analyser's moves and findings are what mark a result. */
function isResult(value: unknown): value is ConversationResult {
  return isObject(value) && typeof value.id === 'string' && Array.isArray(value.turns) && Array.isArray(value.findings) && isObject(value.moves);
}
