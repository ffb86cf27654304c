// Reading loosely typed JSON values, shared by heard's own JSON and the vendor JSON formats.
import type { Language, Skipped } from '../model/conversation.js';
import { MAX_JSON_DEPTH } from './limits.js';

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-blank string (trimmed), or a finite number as a string. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A language code ("en", "en-US", "zh_CN", "cmn") → heard's language, if it is one heard reads. */
export function language(v: unknown): Language | undefined {
  if (typeof v !== 'string') return undefined;
  const code = v.trim().toLowerCase();
  if (code === 'en' || code.startsWith('en-') || code.startsWith('en_')) return 'en';
  if (code === 'zh' || code.startsWith('zh-') || code.startsWith('zh_') || code === 'cmn') return 'zh';
  return undefined;
}

/** A short rendering of a value for messages. */
export function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Does the text hold a JSON object with this key (not inside a string)? A cheap test for sniffing. */
export function hasJsonKey(text: string, key: string, value: '[' | '{' | '"' | '' = ''): boolean {
  return new RegExp(String.raw`(?:^|[{,\s])"${key}"\s*:\s*${value === '' ? '' : `\\${value}`}`).test(text);
}

/** Does the text start (after a BOM and blanks) with a JSON object? */
export function startsAsObject(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text);
}

/** Offset of the first bracket nested deeper than `max` (strings skipped), or -1. Linear, no recursion. */
export function tooDeep(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return -1;
}

/** "line 3, column 7" of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\n|\r/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `line ${line}, column ${column}`;
}

/**
 * JSON.parse with the nesting guard (limits.ts) and messages that say where: V8 reports a character offset
 * ("at position 4817"), which nobody can find in an editor, so the line and column are added.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  const deep = tooDeep(text, MAX_JSON_DEPTH);
  if (deep >= 0) {
    return { ok: false, reason: `JSON nested more than ${MAX_JSON_DEPTH} levels deep at ${lineColumn(text, deep)} (no transcript format nests that deep)` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const at = /at position (\d+)/.exec(message);
    return { ok: false, reason: `not valid JSON: ${message}${at ? ` (${lineColumn(text, Number(at[1]))})` : ''}` };
  }
}

/** A whole-file JSON object, or why the file is not one (`expected` names what the format wanted). */
export function jsonObject(
  text: string,
  file: string,
  expected: string,
): { ok: true; doc: Record<string, unknown> } | { ok: false; skipped: Skipped } {
  const parsed = parseJsonText(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) return { ok: false, skipped: { source: file, reason: parsed.reason } };
  const doc = parsed.value;
  if (!isObject(doc)) return { ok: false, skipped: { source: file, reason: `not a JSON object (${describe(doc)}); expected ${expected}` } };
  return { ok: true, doc };
}
