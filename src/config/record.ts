// What a report records of its rubric, and the check `--baseline` makes with it. No zod here: the analyzer
// and the report code import this.
import type { HeardReport, ReportConfig } from '../model/report.js';
import type { Settings } from './defaults.js';
import { DEFAULT_SETTINGS } from './defaults.js';
import { settingsHash } from './resolve.js';

export function configRecord(settings: Settings, file?: string): ReportConfig {
  return {
    hash: settingsHash(settings),
    ...(file ? { file } : {}),
    settings: JSON.parse(JSON.stringify(settings)) as Record<string, unknown>,
  };
}

/** The record of a run with no config file. */
export function defaultConfigRecord(): ReportConfig {
  return configRecord(DEFAULT_SETTINGS);
}

/**
 * For --baseline: a warning when the two reports were made with different rubrics (their numbers are not
 * comparable), or undefined when they match. A report without a record (older heard) ran with the defaults of
 * its version: it is compared as if it had the current defaults, with a softer warning.
 */
export function configMismatch(current: Pick<HeardReport, 'config'>, baseline: Pick<HeardReport, 'config'>): string | undefined {
  const now = current.config ?? defaultConfigRecord();
  const before = baseline.config;
  if (!before) {
    return now.hash === defaultConfigRecord().hash
      ? undefined
      : `the baseline report records no config (made before heard recorded one), and this run uses ${describe(now)}: scores may not be comparable`;
  }
  if (before.hash === now.hash) return undefined;
  const changed = changedKeys(before.settings, now.settings);
  const which = changed.length ? `; differing settings: ${changed.slice(0, 6).join(', ')}${changed.length > 6 ? ', …' : ''}` : '';
  return `the baseline was made with config ${before.hash}${before.file ? ` (${before.file})` : ''}, this run with ${describe(now)}: scores are not comparable${which}`;
}

function describe(record: ReportConfig): string {
  return `config ${record.hash}${record.file ? ` (${record.file})` : ' (defaults)'}`;
}

/** Dotted paths whose values differ between two settings objects (lists compared whole). */
export function changedKeys(a: unknown, b: unknown, prefix = ''): string[] {
  const plain = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (plain(a) && plain(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => changedKeys(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix || '(all)'];
}
