// Who is talking: a role (and a person's name, when there is one) from a speaker label.
import { readDataFile } from '../data-file.js';
import type { Role } from '../model/conversation.js';
import type { IngestOptions } from './types.js';
import { compiledNow, escapeRegExp } from '../regexp.js';

type LabelRole = 'agent' | 'customer' | 'bot';
const LABEL_ROLES: readonly LabelRole[] = ['agent', 'customer', 'bot'];

export type RoleWords = Record<LabelRole, string[]>;

function loadRoleWords(): RoleWords {
  const raw: unknown = readDataFile(new URL('./roles.yml', import.meta.url));
  const out: RoleWords = { agent: [], customer: [], bot: [] };
  for (const role of LABEL_ROLES) {
    const list = (raw as Record<string, unknown> | null)?.[role];
    if (!Array.isArray(list)) throw new Error(`roles.yml: "${role}" must be a list of words`);
    out[role] = list.map((w) => String(w).trim().toLowerCase()).filter((w) => w.length > 0);
  }
  return out;
}

/** The word lists from roles.yml (lower-cased). */
export const ROLE_WORDS: RoleWords = loadRoleWords();

const HAN = /\p{Script=Han}/u;

interface Matcher {
  role: LabelRole;
  re: RegExp;
}

// One pattern per role: a label is matched against every role, and dozens of small patterns cost more to
// compile than a small file takes to analyse. Longer words go first so "customer service" wins over "customer".
function matchersOf(words: RoleWords): Matcher[] {
  return LABEL_ROLES.flatMap((role): Matcher[] => {
    const sorted = [...words[role]].sort((a, b) => b.length - a.length);
    // Chinese words match anywhere in the label; Latin words only whole ("Augusto" is not "auto"), with a
    // plural "s" and trailing digits allowed ("User42").
    const han = sorted.filter((word) => HAN.test(word)).map(escapeRegExp);
    const latin = sorted.filter((word) => !HAN.test(word)).map((word) => word.split(/\s+/).map(escapeRegExp).join('[\\s_-]+'));
    const alternatives = [...han, ...(latin.length ? [`(?<![\\p{L}])(?:${latin.join('|')})s?(?![\\p{L}])`] : [])];
    if (alternatives.length === 0) return [];
    return [{ role, re: compiledNow(new RegExp(alternatives.join('|'), 'giu'), ['latin', 'cjk']) }];
  });
}

let builtIn: Matcher[] | undefined;

interface ConfiguredRoles {
  /** The config's role words, before the built-in ones. */
  words: Matcher[];
  /** The config's patterns over the whole label. */
  patterns: Matcher[];
}

const configured = new WeakMap<object, ConfiguredRoles>();

/** The matchers of the config's roles (IngestOptions.roles), compiled once per options object. */
function configuredRoles(roles: IngestOptions['roles']): ConfiguredRoles | undefined {
  if (!roles) return undefined;
  let out = configured.get(roles);
  if (!out) {
    const words: RoleWords = { agent: [], customer: [], bot: [] };
    const patterns: Matcher[] = [];
    for (const role of LABEL_ROLES) {
      for (const item of roles[role] ?? []) {
        if (typeof item === 'string') words[role].push(item.trim().toLowerCase());
        else patterns.push({ role, re: new RegExp(item.regex, 'iu') });
      }
    }
    out = { words: matchersOf(words), patterns };
    configured.set(roles, out);
  }
  return out;
}

export interface SpeakerInfo {
  /** Undefined when the label says nothing about the role. */
  role?: Role;
  /** The person's name, when the label carries one ("Agent Maria" → "Maria"). */
  name?: string;
}

function normName(s: string): string {
  return s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const TRIM_PUNCT = /^[\s\-_·・:：|/.,，、()[\]（）【】#]+|[\s\-_·・:：|/.,，、()[\]（）【】#]+$/gu;

function cleanName(s: string): string | undefined {
  const out = s.replace(/\s+/g, ' ').replace(TRIM_PUNCT, '').trim();
  return out.length > 0 ? out : undefined;
}

/** The role words found in a label, and what is left once they are removed (the name). */
function matchWords(label: string, options: IngestOptions = {}): { role?: LabelRole; rest: string } {
  const found = new Set<LabelRole>();
  const mask = new Array<boolean>(label.length).fill(false);
  for (const m of [...(configuredRoles(options.roles)?.words ?? []), ...(builtIn ??= matchersOf(ROLE_WORDS))]) {
    m.re.lastIndex = 0;
    for (const hit of label.matchAll(m.re)) {
      found.add(m.role);
      for (let i = hit.index; i < hit.index + hit[0].length; i++) mask[i] = true;
    }
  }
  const role = found.has('bot') ? 'bot' : found.has('agent') ? 'agent' : found.has('customer') ? 'customer' : undefined;
  let rest = '';
  for (let i = 0; i < label.length; i++) rest += mask[i] ? ' ' : label[i];
  return { role, rest };
}

/** The role a bare role word or phrase names ("agent", "Customer", "客服"), if any. */
export function roleOfWord(word: string): LabelRole | undefined {
  const { role, rest } = matchWords(word.normalize('NFKC').trim());
  return role !== undefined && cleanName(rest) === undefined ? role : undefined;
}

const SUFFIX_NOTE = /^(.+?)\s*[([（【]\s*([^()[\]（）【】]+?)\s*[)\]）】]$/u;
const PREFIX_NOTE = /^[([（【]\s*([^()[\]（）【】]+?)\s*[)\]）】]\s*(.+)$/u;

/** The role `--agent NAME` / `--customer NAME` give this exact speaker name (case-insensitive), if any. */
export function roleOfOption(name: string, options: IngestOptions): Role | undefined {
  const key = normName(name);
  if (key === '') return undefined;
  if (options.agent?.some((n) => normName(n) === key)) return 'agent';
  if (options.customer?.some((n) => normName(n) === key)) return 'customer';
  return configuredRoles(options.roles)?.patterns.find((p) => p.re.test(name.normalize('NFKC').trim()))?.role;
}

/**
 * Role and name from a speaker label:
 * - `--agent NAME` / `--customer NAME` (exact names, case-insensitive) win;
 * - `Maria (agent)`, `Tom [customer]`, `小王（客服）`, `【客服】小王` notation;
 * - role words in the label (`Agent Maria`, `客服小王`, `Customer Service`, `Bot`).
 */
export function roleOfLabel(label: string, options: IngestOptions = {}): SpeakerInfo {
  const text = label.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (text === '') return {};
  const opt = roleOfOption(text, options);
  if (opt) return { role: opt, name: text };

  const suffix = SUFFIX_NOTE.exec(text);
  const prefix = suffix ? null : PREFIX_NOTE.exec(text);
  const note = suffix ? { name: suffix[1]!, word: suffix[2]! } : prefix ? { name: prefix[2]!, word: prefix[1]! } : undefined;
  if (note) {
    const name = cleanName(note.name);
    const byName = name ? roleOfOption(name, options) : undefined;
    if (byName) return { role: byName, name };
    const role = roleOfWord(note.word);
    if (role) return { role, name };
  }

  const { role, rest } = matchWords(text, options);
  if (role) return { role, name: cleanName(rest) };
  return { name: text };
}

const DIRECT_ROLES: Record<string, Role> = {
  agent: 'agent',
  customer: 'customer',
  bot: 'bot',
  system: 'system',
  user: 'customer',
  assistant: 'agent',
  human_agent: 'agent',
  end_user: 'customer',
};

/**
 * Role from a role field's value (CSV role column, JSON "role"): heard's own role names,
 * "user" → customer, "assistant" → agent, else any role word ("AGENT", "客服", "Customer Service").
 */
export function roleOfValue(value: string): Role | undefined {
  const key = normName(value).replace(/[\s-]+/g, '_');
  if (key === '') return undefined;
  const direct = DIRECT_ROLES[key];
  if (direct) return direct;
  return roleOfLabel(value).role;
}
