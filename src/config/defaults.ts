// The effective settings: one plain object, every parameter the judge, the scorer and the detectors read.
// DEFAULT_SETTINGS spells out the defaults in one place (the module constants they come from stay where they are
// documented); a config file is merged over it (config/resolve.ts). Light on purpose: no zod, no file access.
import { CORE_MOVES, MOVES } from '../model/analysis.js';
import type { CoreMove, Flag, Move } from '../model/analysis.js';
import type { Language } from '../model/conversation.js';
import { ACKNOWLEDGEMENT_WINDOW } from '../judge/judge.js';
import { INTERRUPTION_PENALTY, LATE_CREDIT, MOVE_WEIGHTS, NEGATIVE_LANGUAGE_PENALTY, SCORE_BLEND } from '../score/weights.js';

/** A phrase added to a built-in list: a literal string, or a regular expression over the normalised sentence. */
export type PhraseSpec = string | { regex: string; id?: string; note?: string } | { phrase: string; id?: string; note?: string };

export interface PhraseOverrides {
  /** Phrases that count, tried after the built-in entries. */
  add: PhraseSpec[];
  /** Built-in (or added) entry ids to drop, or phrases that never count where they occur. */
  ignore: string[];
}

/** The phrase lists a config can extend: every move and flag, and the customer side of the opportunity model. */
export const PHRASE_KEYS = [...MOVES, 'negative_language', 'emotion', 'relief', 'request'] as const;
export type PhraseKey = (typeof PHRASE_KEYS)[number];

/** The lexicon files (lexicons/<lang>/<name>.yml) each phrase key reads; `ignore` applies to all of them. */
export const PHRASE_LEXICONS: Record<PhraseKey, readonly string[]> = {
  acknowledgement: ['acknowledgement'],
  paraphrase: ['paraphrase'],
  solution: ['solution'],
  open_question: ['open-question'],
  apology: ['apology'],
  negative_language: ['negative-language', 'refusal'],
  emotion: ['emotion'],
  relief: ['emotion-positive'],
  request: ['request'],
};

/** A speaker label role: role words (like src/ingest/roles.yml) or `{regex}` over the whole label. */
export type RolePattern = string | { regex: string };

export const LANGUAGES: readonly Language[] = ['en', 'zh'];

/** `missing:<move>` fires when a needed move never came, `late:<move>` when it was not on time (late or missing). */
export const AUTO_FAIL_FLAGS = ['negative_language', 'canned', 'interruption', 'dead_air'] as const;
export type AutoFailRule = (typeof AUTO_FAIL_FLAGS)[number] | `missing:${CoreMove}` | `late:${CoreMove}`;
export const AUTO_FAIL_RULES: readonly AutoFailRule[] = [
  ...AUTO_FAIL_FLAGS,
  ...CORE_MOVES.map((m) => `missing:${m}` as const),
  ...CORE_MOVES.map((m) => `late:${m}` as const),
];

export interface Settings {
  /** Every move and flag: enabled (a disabled one is never expected nor detected), and the core moves' weights. */
  moves: Record<CoreMove, { enabled: boolean; weight: number }> &
    Record<Exclude<Move, CoreMove>, { enabled: boolean }> &
    Record<Flag, { enabled: boolean }>;
  acknowledgement: {
    /** On time within this many agent turns after the need. */
    window: { turns: number; seconds: number | null };
  };
  late: {
    /** Share of a move's weight a late move earns (0: late earns nothing). */
    credit: number;
  };
  score: {
    blend: { moves: number; outcome: number };
    penalties: { negativeLanguage: number; interruption: number };
  };
  phrases: Record<Language, Partial<Record<PhraseKey, PhraseOverrides>>>;
  /** Rules that make a conversation score 0, each named in a finding. */
  autoFail: AutoFailRule[];
  thresholds: { failUnder: number | null; failOnDrop: number | null; minConversations: number };
  roles: { agent: RolePattern[]; customer: RolePattern[]; bot: RolePattern[]; agentColumn: string | null; agentId: { regex: string } | null };
  language: {
    /** auto: detect per conversation; en or zh: the language of conversations that do not state one. */
    default: 'auto' | Language;
    /** Words Intl.Segmenter should keep whole (product names): adjacent segments forming one are merged. */
    dictionary: { zh: string[] };
  };
}

/** = report/thresholds.ts DEFAULT_MIN_CONVERSATIONS (not imported: the analyzer must not load the report code). */
const DEFAULT_MIN_CONVERSATIONS = 5;

const enabled = { enabled: true };

export const DEFAULT_SETTINGS: Settings = {
  moves: {
    acknowledgement: { enabled: true, weight: MOVE_WEIGHTS.acknowledgement },
    paraphrase: { enabled: true, weight: MOVE_WEIGHTS.paraphrase },
    solution: { enabled: true, weight: MOVE_WEIGHTS.solution },
    open_question: { ...enabled },
    apology: { ...enabled },
    negative_language: { ...enabled },
    canned: { ...enabled },
  },
  acknowledgement: { window: { turns: ACKNOWLEDGEMENT_WINDOW, seconds: null } },
  late: { credit: LATE_CREDIT },
  score: {
    blend: { moves: SCORE_BLEND.moves, outcome: SCORE_BLEND.outcome },
    penalties: { negativeLanguage: NEGATIVE_LANGUAGE_PENALTY, interruption: INTERRUPTION_PENALTY },
  },
  phrases: { en: {}, zh: {} },
  autoFail: [],
  thresholds: { failUnder: null, failOnDrop: null, minConversations: DEFAULT_MIN_CONVERSATIONS },
  roles: { agent: [], customer: [], bot: [], agentColumn: null, agentId: null },
  language: { default: 'auto', dictionary: { zh: [] } },
};

/** A fresh deep copy of the defaults (callers may mutate theirs). */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

