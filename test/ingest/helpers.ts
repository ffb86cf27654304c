import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Conversation } from '../../src/model/conversation.js';

/** A fixture's path relative to the working directory, as a user would type it. */
export function fx(name: string): string {
  return relative(process.cwd(), fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));
}

export function sample(name: string): string {
  return relative(process.cwd(), fileURLToPath(new URL(`../../fixtures/samples/${name}`, import.meta.url)));
}

export function read(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Compact view of a conversation's turns: "role|speaker|text". */
export function turnsOf(c: Conversation | undefined): string[] {
  return (c?.turns ?? []).map((t) => `${t.role}|${t.speaker ?? ''}|${t.text}`);
}
