// `heard init`: a starter config with every default spelled out and explained, so a team edits values rather
// than looking up keys. YAML carries comments; JSON carries a "$schema" pointer for editor completion instead.
import { DEFAULT_SETTINGS } from './defaults.js';

/** Where the published schema is once heard is installed in a project. */
export const SCHEMA_REF = './node_modules/heard/schema/heard.config.schema.json';

export const STARTER_FILES = { yaml: '.heardrc.yaml', json: 'heard.config.json' } as const;
export type StarterFormat = keyof typeof STARTER_FILES;

export function starterConfig(format: StarterFormat): string {
  return format === 'json' ? starterJson() : starterYaml();
}

function starterJson(): string {
  return `${JSON.stringify({ $schema: SCHEMA_REF, ...DEFAULT_SETTINGS }, null, 2)}\n`;
}

const list = (xs: readonly unknown[]): string => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
const value = (x: unknown): string => (x === null ? 'null' : JSON.stringify(x));

function starterYaml(): string {
  const d = DEFAULT_SETTINGS;
  const m = d.moves;
  return `# yaml-language-server: $schema=${SCHEMA_REF}
# heard configuration: your team's rubric (README, "Your rubric"). Every key is optional; the values below are
# the defaults. Delete what you do not change. Check what is judged with: heard rules --lang en
# Every report records a hash of these settings: reports are comparable only when their hashes match.

# Each move and flag: enabled: false means it is never expected nor detected. The weights of the three core
# moves share out the "moves" part of the score between the moves a conversation called for.
moves:
  acknowledgement: { enabled: ${m.acknowledgement.enabled}, weight: ${m.acknowledgement.weight} }
  paraphrase: { enabled: ${m.paraphrase.enabled}, weight: ${m.paraphrase.weight} }
  solution: { enabled: ${m.solution.enabled}, weight: ${m.solution.weight} }
  open_question: { enabled: ${m.open_question.enabled} }
  apology: { enabled: ${m.apology.enabled} }
  negative_language: { enabled: ${m.negative_language.enabled} }
  canned: { enabled: ${m.canned.enabled} }

acknowledgement:
  # An acknowledgement is on time within this many agent turns after the customer turn that needed it.
  # seconds: for timed transcripts (calls, timestamped chats), on time within this many seconds instead.
  window: { turns: ${d.acknowledgement.window.turns}, seconds: ${value(d.acknowledgement.window.seconds)} }

late:
  # The share of its weight a late move earns (0: late earns nothing, 1: late is as good as on time).
  credit: ${d.late.credit}

score:
  # score = blend.moves x (weighted share of moves met) + blend.outcome x (customer's final emotion), in 0..100,
  # less the penalties. moves + outcome must add up to 1.
  blend: { moves: ${d.score.blend.moves}, outcome: ${d.score.blend.outcome} }
  penalties: { negativeLanguage: ${d.score.penalties.negativeLanguage}, interruption: ${d.score.penalties.interruption} }

# Phrases per language and move, merged with the built-in lists (see heard rules). add: literal phrases
# (case-insensitive, whole words in English) or { regex: "...", id: "...", note: "..." }; ignore: built-in
# entry ids to drop, or phrases that never count. Keys: acknowledgement, paraphrase, solution, open_question,
# apology, negative_language, emotion (customer cues), request (customer asks).
phrases:
  en: {}
  zh: {}
  # en:
  #   acknowledgement:
  #     add: ["thanks for bearing with us", { regex: "that's (?:not|never) (?:ok|okay|acceptable)", id: brand-not-ok }]
  #     ignore: [bare-apology, "sorry for the inconvenience"]
  # zh:
  #   acknowledgement:
  #     add: [辛苦您了]

# Rules that make a conversation score 0, named in a finding: negative_language, canned, interruption, dead_air,
# missing:<move> (a needed move never came), late:<move> (not on time: late or missing).
autoFail: ${list(d.autoFail)}
# autoFail: [negative_language, "missing:solution"]

# CI thresholds; the command-line flags (--fail-under, --fail-on-drop, --min-conversations) win.
thresholds:
  failUnder: ${value(d.thresholds.failUnder)}
  failOnDrop: ${value(d.thresholds.failOnDrop)}
  minConversations: ${d.thresholds.minConversations}

# Speaker labels: extra role words (matched like src/ingest/roles.yml: "Concierge Anna" is an agent with
# agent: [concierge]) or { regex: "..." } patterns over the whole label. agentColumn: the CSV header of the
# agent id (--columns agent=... wins). agentId: { regex: "#(\\d+)$" } takes the agent id from the agent name
# ("Maria #4411" → "4411"), the first capture group being the id.
roles:
  agent: ${list(d.roles.agent)}
  customer: ${list(d.roles.customer)}
  bot: ${list(d.roles.bot)}
  agentColumn: ${value(d.roles.agentColumn)}
  agentId: ${value(d.roles.agentId)}

language:
  # auto: detect per conversation; en or zh: the language of conversations that do not state one (--lang wins).
  default: ${d.language.default}
  # Chinese words the word segmenter must keep whole, such as product names: [小米手环, 鸿蒙系统]
  dictionary: { zh: ${list(d.language.dictionary.zh)} }
`;
}
