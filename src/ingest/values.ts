// Reading loosely typed JSON values, shared by heard's own JSON and the vendor JSON formats.
import type { Language, Skipped } from '../model/conversation.js';

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

/** A whole-file JSON object, or why the file is not one (`expected` names what the format wanted). */
export function jsonObject(
  text: string,
  file: string,
  expected: string,
): { ok: true; doc: Record<string, unknown> } | { ok: false; skipped: Skipped } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, skipped: { source: file, reason: `not valid JSON: ${(err as Error).message}` } };
  }
  if (!isObject(doc)) return { ok: false, skipped: { source: file, reason: `not a JSON object (${describe(doc)}); expected ${expected}` } };
  return { ok: true, doc };
}
