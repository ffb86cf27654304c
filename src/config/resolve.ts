// A validated config file merged over the defaults: the effective settings, and their stable hash.
import { createHash } from 'node:crypto';
import { LANGUAGES, defaultSettings } from './defaults.js';
import type { PhraseKey, PhraseOverrides, Settings } from './defaults.js';
import type { ConfigInput } from './schema.js';

type Plain = Record<string, unknown>;

function isPlain(x: unknown): x is Plain {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Objects merge key by key; lists and values replace (a configured list is the whole list). */
function mergeInto(target: Plain, source: Plain): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    if (isPlain(value) && isPlain(target[key])) mergeInto(target[key] as Plain, value);
    else target[key] = structuredClone(value);
  }
}

/**
 * The settings of a run with no config file, and their hash: what validateConfig({}) gives, without loading the
 * schema (zod takes about 100 ms to import, a fifth of a small file's run; a test checks the two agree).
 */
export function defaultConfig(): { settings: Settings; hash: string } {
  const settings = resolveSettings();
  return { settings, hash: settingsHash(settings) };
}

export function resolveSettings(input: ConfigInput = {}): Settings {
  const settings = defaultSettings();
  const { $schema: _schema, phrases, ...rest } = input;
  mergeInto(settings as unknown as Plain, rest as Plain);
  for (const language of LANGUAGES) {
    const configured = phrases?.[language];
    if (!configured) continue;
    for (const [key, overrides] of Object.entries(configured)) {
      if (!overrides) continue;
      const entry: PhraseOverrides = { add: structuredClone(overrides.add ?? []), ignore: [...(overrides.ignore ?? [])] };
      if (entry.add.length || entry.ignore.length) settings.phrases[language][key as PhraseKey] = entry;
    }
  }
  return settings;
}

/** Problems only the merged settings show (a partial blend is completed from the defaults). */
export function settingsProblems(settings: Settings): string[] {
  const problems: string[] = [];
  const { moves, outcome } = settings.score.blend;
  if (Math.abs(moves + outcome - 1) > 1e-9) {
    problems.push(`score.blend: moves (${moves}) + outcome (${outcome}) must add up to 1`);
  }
  return problems;
}

/** JSON with object keys sorted, so equal settings always print (and hash) the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isPlain(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short, stable fingerprint of the effective settings: reports are comparable only when theirs match. */
export function settingsHash(settings: Settings): string {
  return createHash('sha256').update(stableJson(settings)).digest('hex').slice(0, 16);
}
