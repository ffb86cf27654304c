// Finding and validating the config file: discovery order, every kind of error (one line each, naming the key
// path, the bad value and what is allowed), and the starter files of `heard init` loading cleanly.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_FILES, findConfigFile } from '../../src/config/locate.js';
import { loadConfig, validateConfig } from '../../src/config/load.js';
import type { ConfigResult } from '../../src/config/load.js';
import { DEFAULT_SETTINGS } from '../../src/config/defaults.js';
import { defaultConfig, settingsHash } from '../../src/config/resolve.js';
import { starterConfig } from '../../src/config/starter.js';
import { closest } from '../../src/config/issues.js';
import { DEFAULT_MIN_CONVERSATIONS } from '../../src/report/thresholds.js';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'heard-config-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string | Buffer): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

function issuesOf(result: ConfigResult): string[] {
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.error.issues;
}

describe('discovery', () => {
  it('prefers heard.config.json, then .heardrc.json, .heardrc.yaml, .heardrc.yml within a directory', () => {
    expect(CONFIG_FILES).toEqual(['heard.config.json', '.heardrc.json', '.heardrc.yaml', '.heardrc.yml']);
    for (const name of [...CONFIG_FILES].reverse()) {
      write(name, name.endsWith('json') ? '{}' : '');
      expect(findConfigFile(root, root)).toBe(join(root, name));
    }
  });

  it('walks up from the working directory; the nearest file wins', () => {
    write('heard.config.json', '{"late": {"credit": 0.1}}');
    write('a/.heardrc.yaml', 'late: { credit: 0.2 }\n');
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    const deep = loadConfig({ cwd: join(root, 'a/b/c'), stopAt: root });
    expect(deep.ok && deep.value.settings.late.credit).toBe(0.2);
    expect(deep.ok && deep.value.file).toBe(join(root, 'a/.heardrc.yaml'));
    const top = loadConfig({ cwd: root, stopAt: root });
    expect(top.ok && top.value).toMatchObject({ file: 'heard.config.json', settings: { late: { credit: 0.1 } } });
  });

  it('no file: the defaults, no file recorded', () => {
    const result = loadConfig({ cwd: root, stopAt: root });
    expect(result).toEqual({ ok: true, value: { settings: DEFAULT_SETTINGS, hash: settingsHash(DEFAULT_SETTINGS) } });
    // The CLI takes the defaults without the schema when there is no file: the same settings and hash.
    expect(defaultConfig()).toEqual(result.ok && result.value);
  });

  it('--config FILE wins over discovery; a missing explicit file is an error', () => {
    write('heard.config.json', '{"late": {"credit": 0.1}}');
    write('team/rubric.yml', 'late:\n  credit: 0.3\n');
    const explicit = loadConfig({ cwd: root, file: 'team/rubric.yml' });
    expect(explicit.ok && explicit.value.settings.late.credit).toBe(0.3);
    const missing = loadConfig({ cwd: root, file: 'nope.json' });
    expect(missing).toEqual({ ok: false, error: { file: 'nope.json', message: 'config file nope.json does not exist', issues: [] } });
  });

  it('an empty YAML file is an empty config', () => {
    write('.heardrc.yml', '# nothing yet\n');
    const result = loadConfig({ cwd: root, stopAt: root });
    expect(result.ok && result.value.settings).toEqual(DEFAULT_SETTINGS);
  });
});

describe('unreadable files', () => {
  it('invalid JSON', () => {
    write('heard.config.json', '{"late": ');
    const result = loadConfig({ cwd: root, stopAt: root });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe('config file heard.config.json is not valid JSON');
    expect(issuesOf(result)).toHaveLength(1);
  });

  it('invalid YAML, with its line', () => {
    write('.heardrc.yaml', 'late:\n  credit: [0.5\n');
    const result = loadConfig({ cwd: root, stopAt: root });
    expect(!result.ok && result.error.message).toBe('config file .heardrc.yaml is not valid YAML');
    expect(issuesOf(result)[0]).toMatch(/line \d+/u);
  });

  it('duplicate YAML keys', () => {
    write('.heardrc.yaml', 'late: { credit: 0.5 }\nlate: { credit: 0.2 }\n');
    expect(loadConfig({ cwd: root, stopAt: root }).ok).toBe(false);
  });

  it('not UTF-8', () => {
    write('heard.config.json', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const result = loadConfig({ cwd: root, stopAt: root });
    expect(!result.ok && result.error.message).toBe('config file heard.config.json is not UTF-8 text');
  });

  it('a directory', () => {
    mkdirSync(join(root, 'dir.json'));
    const result = loadConfig({ cwd: root, file: 'dir.json' });
    expect(!result.ok && result.error.message).toBe('config file dir.json is a directory');
  });
});

describe('validation: one line per problem, naming the key path, the value and what is allowed', () => {
  const cases: [string, unknown, string][] = [
    ['unknown top-level key, with the closest known key', { autofail: [] }, 'autofail: unknown key; did you mean "autoFail"?'],
    ['unknown nested key, with the closest known key', { moves: { acknowledgment: { enabled: false } } }, 'moves.acknowledgment: unknown key; did you mean "acknowledgement"?'],
    ['unknown key with nothing close: the known keys', { phrases: { fr: {} } }, 'phrases.fr: unknown key; known keys: en, zh'],
    ['wrong type', { moves: { solution: { weight: 'high' } } }, 'moves.solution.weight: expected a number, got "high"'],
    ['wrong type: boolean', { moves: { canned: { enabled: 'no' } } }, 'moves.canned.enabled: expected a boolean, got "no"'],
    ['wrong type: list', { autoFail: 'negative_language' }, 'autoFail: expected a list, got "negative_language"'],
    ['wrong type: object', { late: 0.5 }, 'late: expected an object (a map of keys), got 0.5'],
    ['below the minimum', { moves: { acknowledgement: { weight: -1 } } }, 'moves.acknowledgement.weight: must be >= 0, got -1'],
    ['above the maximum', { late: { credit: 2 } }, 'late.credit: must be <= 1, got 2'],
    ['not positive', { acknowledgement: { window: { seconds: 0 } } }, 'acknowledgement.window.seconds: must be > 0, got 0'],
    ['not a whole number', { thresholds: { minConversations: 1.5 } }, 'thresholds.minConversations: expected a whole number, got 1.5'],
    ['not one of the allowed values, with the closest', { autoFail: ['missing:solutions'] }, 'autoFail[0]: "missing:solutions" is not allowed (did you mean "missing:solution"?); allowed: negative_language, canned, interruption, dead_air, missing:acknowledgement, missing:paraphrase, missing:solution, late:acknowledgement, late:paraphrase, late:solution'],
    ['not one of the allowed values', { language: { default: 'english' } }, 'language.default: "english" is not allowed; allowed: auto, en, zh'],
    ['empty string', { phrases: { en: { solution: { ignore: [''] } } } }, 'phrases.en.solution.ignore[0]: must not be empty (got "")'],
    ['too short a dictionary word', { language: { dictionary: { zh: ['米'] } } }, 'language.dictionary.zh[0]: must be at least 2 characters, got "米"'],
    ['invalid regular expression', { phrases: { en: { acknowledgement: { add: [{ regex: '(unclosed' }] } } } }, 'phrases.en.acknowledgement.add[0].regex: not a valid regular expression (/(unclosed/u: Unterminated group), got "(unclosed"'],
    ['a regular expression that matches everything', { roles: { agent: [{ regex: 'a*' }] } }, 'roles.agent[0].regex: the regular expression matches the empty string, so it would match every sentence, got "a*"'],
    ['a phrase object with a misspelt key', { phrases: { en: { acknowledgement: { add: [{ regx: 'a' }] } } } }, 'phrases.en.acknowledgement.add[0]: expected a string or an object with "phrase" / "id" / "note" / "regex", got {"regx":"a"}; unknown key "regx", did you mean "regex"?'],
    ['a phrase of the wrong type', { phrases: { zh: { apology: { add: [3] } } } }, 'phrases.zh.apology.add[0]: expected a string or an object with "phrase" / "id" / "note" / "regex", got 3'],
    ['an unknown phrase key', { phrases: { en: { acknowledgment: {} } } }, 'phrases.en.acknowledgment: unknown key; did you mean "acknowledgement"?'],
    ['a blend that does not add up to 1', { score: { blend: { moves: 0.5 } } }, 'score.blend: moves (0.5) + outcome (0.65) must add up to 1'],
    ['a top level that is not an object', ['late'], '(top level): expected an object (a map of keys), got ["late"]'],
  ];
  it.each(cases)('%s', (_name, config, line) => {
    expect(issuesOf(validateConfig(config))).toEqual([line]);
  });

  it('reports every problem, and names the file', () => {
    const result = validateConfig({ late: { credit: 2 }, autofail: [] }, '.heardrc.yaml');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual({
      file: '.heardrc.yaml',
      message: 'config file .heardrc.yaml is invalid (2 problems)',
      issues: ['late.credit: must be <= 1, got 2', 'autofail: unknown key; did you mean "autoFail"?'],
    });
  });

  it('closest: only names that are a plausible typo', () => {
    expect(closest('acknowledgment', ['acknowledgement', 'apology'])).toBe('acknowledgement');
    expect(closest('fr', ['en', 'zh'])).toBeUndefined();
  });
});

describe('merging over the defaults', () => {
  it('objects merge key by key; lists replace', () => {
    const result = validateConfig({ moves: { solution: { weight: 0.6 } }, roles: { agent: ['concierge'] }, autoFail: ['canned'] });
    expect(result.ok).toBe(true);
    const settings = result.ok ? result.value.settings : DEFAULT_SETTINGS;
    expect(settings.moves.solution).toEqual({ enabled: true, weight: 0.6 });
    expect(settings.moves.acknowledgement).toEqual(DEFAULT_SETTINGS.moves.acknowledgement);
    expect(settings.roles).toEqual({ ...DEFAULT_SETTINGS.roles, agent: ['concierge'] });
    expect(settings.autoFail).toEqual(['canned']);
    expect(DEFAULT_SETTINGS.autoFail).toEqual([]);
  });

  it('the defaults agree with the constants they come from', () => {
    expect(DEFAULT_SETTINGS.thresholds.minConversations).toBe(DEFAULT_MIN_CONVERSATIONS);
  });
});

describe('heard init starter files', () => {
  it.each(['yaml', 'json'] as const)('the %s starter loads cleanly and spells out exactly the defaults', (format) => {
    write(format === 'yaml' ? '.heardrc.yaml' : 'heard.config.json', starterConfig(format));
    const result = loadConfig({ cwd: root, stopAt: root });
    expect(result.ok ? result.value.settings : result.error.issues).toEqual(DEFAULT_SETTINGS);
    expect(result.ok && result.value.hash).toBe(settingsHash(DEFAULT_SETTINGS));
  });

  it('the YAML starter is commented', () => {
    const yaml = starterConfig('yaml');
    expect(yaml.split('\n').filter((l) => l.trim().startsWith('#')).length).toBeGreaterThan(20);
    expect(yaml).toContain('# yaml-language-server: $schema=');
  });

  it('the JSON starter points at the published schema', () => {
    expect(JSON.parse(starterConfig('json')).$schema).toBe('./node_modules/heard/schema/heard.config.schema.json');
  });
});
