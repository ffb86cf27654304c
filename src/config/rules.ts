// `heard rules`: what is judged, under the settings in force — per move and flag, what triggers it (the
// lexicon's description), every phrase entry (built-in and configured, by id and pattern), and the weights.
import type { Language } from '../model/conversation.js';
import type { Lexicon, LexiconEntry } from '../language/lexicon.js';
import { languageKit } from '../language/index.js';
import { turnDetectors } from '../detect/index.js';
import { PHRASE_LEXICONS } from './defaults.js';
import type { PhraseKey, Settings } from './defaults.js';

import { RULE_IDS } from './rule-ids.js';
import type { RuleId } from './rule-ids.js';

const CUSTOMER_SIDE: Record<'emotion' | 'relief' | 'request', string> = {
  emotion: 'customer side: cues of negative emotion or described trouble, which call for acknowledgement (and, with detail, a solution)',
  relief: "customer side: relief or satisfaction (a problem reported solved, thanks), weighed against the negative cues; it sets how the customer ended up, the score's outcome",
  request: 'customer side: asking for something the agent could act on, which calls for a solution (and, with detail, a paraphrase)',
};

const EXTRA: Partial<Record<RuleId, string>> = {
  paraphrase: "A cue below counts only in a sentence that also carries the customer's own content words.",
  solution: 'Also counted: a direct answer to the question the customer just asked (rule answers-question).',
  negative_language: 'refusal.yml entries count only when the turn offers no solution.',
  canned: 'No phrase list: an acknowledgement or apology sentence repeated verbatim in a later reply of the conversation.',
};

function entryLine(entry: LexiconEntry, marker: string): string {
  return `    ${marker} ${entry.id}${entry.id === entry.re.source ? '' : `  /${entry.re.source}/`}`;
}

function lexiconLines(lexicon: Lexicon, base: Lexicon): string[] {
  const lines: string[] = [`  ${lexicon.name}.yml — ${lexicon.description.replace(/\s+/gu, ' ').trim()}`];
  const kept = new Set(lexicon.entries.map((e) => e.id));
  for (const entry of base.entries) lines.push(entryLine(entry, kept.has(entry.id) ? ' ' : '-'));
  for (const entry of lexicon.entries.filter((e) => e.origin === 'config')) lines.push(`${entryLine(entry, '+')}  (config)`);
  for (const entry of lexicon.ignore ?? []) lines.push(`    ~ "${entry.id}"  (config: never counts where it occurs)`);
  for (const entry of lexicon.exclude) lines.push(`    ! ${entry.id}  /${entry.re.source}/  (a sentence matching this never counts)`);
  return lines;
}

function header(id: RuleId, settings: Settings): string {
  if (id === 'emotion' || id === 'relief' || id === 'request') return `${id}  (${CUSTOMER_SIDE[id]})`;
  const move = settings.moves[id];
  const state = move.enabled ? 'enabled' : 'DISABLED: never expected nor detected';
  const parts = [id === 'negative_language' || id === 'canned' ? 'flag' : 'move', state];
  if ('weight' in move) parts.push(`weight ${move.weight}`);
  if (id === 'acknowledgement') {
    const { turns, seconds } = settings.acknowledgement.window;
    parts.push(`on time within ${turns} agent turn${turns === 1 ? '' : 's'}${seconds === null ? '' : ` or ${seconds} s when timed`}`);
  }
  if (id === 'acknowledgement' || id === 'paraphrase') parts.push(`late earns ${settings.late.credit} of the weight`);
  if (id === 'negative_language') parts.push(`${settings.score.penalties.negativeLanguage} points off per flagged turn`);
  const rules = settings.autoFail.filter((r) => r === id || r.endsWith(`:${id}`));
  if (rules.length) parts.push(`auto-fail: ${rules.join(', ')}`);
  return `${id}  (${parts.join('; ')})`;
}

export function describeRules(settings: Settings, language: Language, only?: RuleId): string {
  const kit = languageKit(language, settings);
  const plain = languageKit(language);
  const out: string[] = [];
  const { blend, penalties } = settings.score;
  if (!only) {
    out.push(`Rules for ${language === 'en' ? 'English' : 'Chinese'}. Legend: "-" dropped by the config, "+" added by it, "~" ignored phrase, "!" exclusion.`);
    out.push(`score = ${blend.moves} x moves share + ${blend.outcome} x outcome, less ${penalties.negativeLanguage} per negative-language flag and ${penalties.interruption} per interruption${settings.autoFail.length ? `; 0 when an auto-fail rule fires (${settings.autoFail.join(', ')})` : ''}`);
    out.push('');
  }
  for (const id of only ? [only] : RULE_IDS) {
    out.push(header(id, settings));
    const detector = turnDetectors.find((d) => d.meta.id === id);
    if (detector) out.push(`  ${detector.meta.description}`);
    if (EXTRA[id]) out.push(`  ${EXTRA[id]}`);
    const names = id === 'canned' ? [] : PHRASE_LEXICONS[id as PhraseKey];
    for (const name of names) out.push(...lexiconLines(kit.lexicon(name), plain.lexicon(name)));
    out.push('');
  }
  return out.join('\n');
}
