// What the pipeline needs of one analysed conversation, made where the analysis ran (a worker or the main
// thread): the JSONL line, the conversation as it appears in the pretty JSON report, and the digest the
// aggregates are built from. Strings cross threads far more cheaply than the result objects would.
import type { Language } from '../model/conversation.js';
import type { Conversation } from '../model/conversation.js';
import type { ConversationResult } from '../model/analysis.js';
import type { Settings } from '../config/defaults.js';
import { digestOf } from '../score/agent.js';
import type { ResultDigest } from '../score/agent.js';

export interface RenderNeeds {
  /** The compact JSON line (--format jsonl, and the result objects of the other formats, parsed back). */
  line: boolean;
  /** The conversation as an element of the JSON report's conversations array. */
  pretty: boolean;
}

export interface Rendered {
  digest: ResultDigest;
  line?: string;
  pretty?: string;
  /** In-process only: the result itself. */
  result?: ConversationResult;
}

export interface WorkerInit {
  lang?: Language;
  settings: Settings;
  configFile?: string;
  needs: RenderNeeds;
}

export interface WorkerRequest {
  seq: number;
  conversations: Conversation[];
}

export type WorkerReply = { seq: number; rendered: Rendered[]; error?: undefined } | { seq: number; error: string; rendered?: undefined };

/** A conversation of the JSON report's array, as JSON.stringify(report, null, 2) writes it (two levels deep). */
export function prettyElement(result: ConversationResult): string {
  return `    ${JSON.stringify(result, null, 2).replaceAll('\n', '\n    ')}`;
}

export function renderResult(result: ConversationResult, needs: RenderNeeds): Rendered {
  return {
    digest: digestOf(result),
    ...(needs.line ? { line: JSON.stringify(result) } : {}),
    ...(needs.pretty ? { pretty: prettyElement(result) } : {}),
  };
}
