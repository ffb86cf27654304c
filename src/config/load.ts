// Finding, reading and validating the config file. Loaders return { ok, value | error }, never throw, so the
// CLI decides how to print (one line per problem) and exits 2.
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Settings } from './defaults.js';
import { findConfigFile } from './locate.js';
import { parseYaml } from '../data-file.js';
import { ConfigSchema } from './schema.js';
import { formatIssues } from './issues.js';
import { resolveSettings, settingsHash, settingsProblems } from './resolve.js';

export interface LoadedConfig {
  /** The file the settings came from (relative to the working directory when inside it); none: defaults. */
  file?: string;
  settings: Settings;
  /** settingsHash(settings). */
  hash: string;
}

export interface ConfigError {
  file?: string;
  /** One line: what failed. */
  message: string;
  /** One line per problem: `key.path: what is wrong, the bad value, what is allowed`. */
  issues: string[];
}

export type ConfigResult = { ok: true; value: LoadedConfig } | { ok: false; error: ConfigError };

export interface LoadOptions {
  /** Where discovery starts (default process.cwd()). */
  cwd?: string;
  /** --config FILE: this file and no other; missing is an error. */
  file?: string;
  /** Discovery does not look above this directory (tests). */
  stopAt?: string;
}

export function loadConfig(options: LoadOptions = {}): ConfigResult {
  const cwd = resolve(options.cwd ?? process.cwd());
  const explicit = options.file !== undefined;
  const path = explicit ? resolve(cwd, options.file!) : findConfigFile(cwd, options.stopAt);
  if (path === undefined) return validateConfig({});
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path)).replace(/^\uFEFF/u, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? `config file ${shown} does not exist`
        : code === 'EISDIR'
          ? `config file ${shown} is a directory`
          : code === undefined || code === 'ERR_ENCODING_INVALID_ENCODED_DATA'
            ? `config file ${shown} is not UTF-8 text`
            : `config file ${shown} cannot be read: ${(error as Error).message}`;
    return { ok: false, error: { file: shown, message, issues: [] } };
  }
  const raw = parseText(text, path);
  if (!raw.ok) return { ok: false, error: { file: shown, message: `config file ${shown} is not valid ${raw.format}`, issues: [raw.problem] } };
  return validateConfig(raw.value, shown);
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

type Parsed = { ok: true; value: unknown } | { ok: false; format: string; problem: string };

function parseText(text: string, path: string): Parsed {
  if (/\.json$/iu.test(path)) {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (error) {
      return { ok: false, format: 'JSON', problem: (error as Error).message };
    }
  }
  try {
    // An empty YAML file is an empty config.
    return { ok: true, value: parseYaml(text, { prettyErrors: true, uniqueKeys: true }) ?? {} };
  } catch (error) {
    return { ok: false, format: 'YAML', problem: (error as Error).message.split('\n')[0]! };
  }
}

/** Validates a parsed config object and merges it over the defaults. */
export function validateConfig(raw: unknown, file?: string): ConfigResult {
  const parsed = ConfigSchema.safeParse(raw, { reportInput: true });
  const where = file ? `config file ${file}` : 'config';
  if (!parsed.success) {
    const issues = formatIssues(parsed.error.issues, ConfigSchema);
    return { ok: false, error: { ...(file ? { file } : {}), message: `${where} is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'})`, issues } };
  }
  const settings = resolveSettings(parsed.data);
  const problems = settingsProblems(settings);
  if (problems.length) {
    return { ok: false, error: { ...(file ? { file } : {}), message: `${where} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'})`, issues: problems } };
  }
  return { ok: true, value: { ...(file ? { file } : {}), settings, hash: settingsHash(settings) } };
}

/** The error as the CLI prints it: the message, then one indented line per problem. */
export function formatConfigError(error: ConfigError): string {
  return [error.message, ...error.issues.map((line) => `  ${line}`)].join('\n');
}
