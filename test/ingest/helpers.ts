import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Conversation } from '../../src/model/conversation.js';

/** A fixture's path relative to the working directory, as a user would type it. */
export function fx(name: string): string {
  return relative(process.cwd(), fileURLToPath(new URL(`../../fixtures/ingest/${name}`, import.meta.url)));
}

/** A vendor-format fixture (fixtures/formats), each with a plain-text twin of the same name. */
export function fmt(name: string): string {
  return relative(process.cwd(), fileURLToPath(new URL(`../../fixtures/formats/${name}`, import.meta.url)));
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

/**
 * What a conversation says, for comparing a vendor file with its plain-text twin: id, agent, and per turn the
 * role, the text and the start time (to the millisecond). Speakers are left out unless asked for: vendor
 * exports without names have none, where the twin's "Agent:" label is one. End times are left out too: the
 * plain-text format has none.
 */
export function gist(c: Conversation | undefined, options: { speakers?: boolean } = {}): unknown {
  if (!c) return undefined;
  return {
    id: c.id,
    agent: c.agent ?? null,
    turns: c.turns.map((t) =>
      [t.role, ...(options.speakers ? [t.speaker ?? ''] : []), t.text, t.start === undefined ? null : Math.round(t.start * 1000) / 1000].join('|'),
    ),
  };
}
