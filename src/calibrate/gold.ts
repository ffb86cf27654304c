// Human judgements ("gold") of the evaluation sets, and how the analyzer's results are compared with them.
// Three shapes, one per kind of set (see shared/eval/README.md):
//   cs      {turns: {"<i>": [labels]}, conversation: {move: present|missing|not_needed}}  per-turn + per-conversation
//   esconv  {turn: i, strategy: S}                                                         one strategy label, one turn
//   stc3    {A, S, E}                                                                      conversation-level ratings
import { CORE_MOVES } from '../model/analysis.js';
import type { AnalysedTurn, ConversationResult, CoreMove, MoveStatus } from '../model/analysis.js';
import type { Role } from '../model/conversation.js';
import {
  averageRanks,
  cohenKappa,
  emptyConfusion,
  emptyMatrix,
  matrixAccuracy,
  prf,
  spearman,
  tally,
} from './metrics.js';
import type { AgreementMatrix, Confusion, Prf } from './metrics.js';

// ---------------------------------------------------------------------------------------------- gold shapes

export const TURN_LABELS = [
  'acknowledgement',
  'apology',
  'paraphrase',
  'solution',
  'open_question',
  'negative_language',
] as const;
export type TurnLabel = (typeof TURN_LABELS)[number];

export const GOLD_STATUSES = ['present', 'missing', 'not_needed'] as const;
export type GoldStatus = (typeof GOLD_STATUSES)[number];

export interface CsGold {
  kind: 'cs';
  /** Agent turns the labellers judged, by turn index, with their labels (possibly none). */
  turns: { index: number; labels: string[] }[];
  conversation: Partial<Record<CoreMove, GoldStatus>>;
}

export interface EsconvGold {
  kind: 'esconv';
  turn: number;
  strategy: string;
}

export interface Stc3Gold {
  kind: 'stc3';
  A: number | null;
  S: number | null;
  E: number | null;
}

export type Gold = CsGold | EsconvGold | Stc3Gold;
export type GoldKind = Gold['kind'];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function ratingOf(x: unknown, key: string): number | null {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  throw new Error(`gold.${key} is not a number: ${JSON.stringify(x)}`);
}

/** Reads the `gold` field of an evaluation line; throws with a readable reason on an unknown shape. */
export function readGold(raw: unknown): Gold {
  if (!isObject(raw)) throw new Error('no "gold" object');
  if (isObject(raw.turns)) {
    const turns: CsGold['turns'] = [];
    for (const [key, labels] of Object.entries(raw.turns)) {
      const index = Number(key);
      if (!Number.isInteger(index) || index < 0) throw new Error(`gold.turns key is not a turn index: ${key}`);
      if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) {
        throw new Error(`gold.turns["${key}"] is not a list of labels`);
      }
      turns.push({ index, labels: labels as string[] });
    }
    turns.sort((a, b) => a.index - b.index);
    const conversation: CsGold['conversation'] = {};
    if (raw.conversation !== undefined) {
      if (!isObject(raw.conversation)) throw new Error('gold.conversation is not an object');
      for (const move of CORE_MOVES) {
        const s = raw.conversation[move];
        if (s === undefined) continue;
        if (!(GOLD_STATUSES as readonly unknown[]).includes(s)) {
          throw new Error(`gold.conversation.${move} is not one of ${GOLD_STATUSES.join('|')}: ${JSON.stringify(s)}`);
        }
        conversation[move] = s as GoldStatus;
      }
    }
    return { kind: 'cs', turns, conversation };
  }
  if (raw.strategy !== undefined || raw.turn !== undefined) {
    if (typeof raw.strategy !== 'string') throw new Error('gold.strategy is not a string');
    if (typeof raw.turn !== 'number' || !Number.isInteger(raw.turn) || raw.turn < 0) {
      throw new Error('gold.turn is not a turn index');
    }
    return { kind: 'esconv', turn: raw.turn, strategy: raw.strategy };
  }
  if ('S' in raw || 'A' in raw || 'E' in raw) {
    return { kind: 'stc3', A: ratingOf(raw.A, 'A'), S: ratingOf(raw.S, 'S'), E: ratingOf(raw.E, 'E') };
  }
  throw new Error(`unknown gold shape (keys: ${Object.keys(raw).join(', ') || 'none'})`);
}

// ------------------------------------------------------------------------------------------------- helpers

export interface LabelScore extends Prf {
  label: string;
  counts: Confusion;
  kappa: number | null;
}

function labelScore(label: string, counts: Confusion): LabelScore {
  return { label, counts, ...prf(counts), kappa: cohenKappa(counts) };
}

function turnMap(result: ConversationResult): Map<number, AnalysedTurn> {
  return new Map(result.turns.map((t) => [t.index, t]));
}

/** The text of the nearest customer turn before `index`: what the agent was answering. */
function customerBefore(result: ConversationResult, index: number): string | undefined {
  let best: AnalysedTurn | undefined;
  for (const t of result.turns) {
    if (t.index < index && t.role === 'customer' && (!best || t.index > best.index)) best = t;
  }
  return best?.text;
}

/** An analysed agent turn's labels, in gold vocabulary: its moves and flags. */
function predictedLabels(turn: AnalysedTurn | undefined): string[] {
  if (!turn) return [];
  return [...new Set<string>([...turn.moves, ...turn.flags])];
}

/** The analyzer's status in the labellers' vocabulary (late is still present). */
export function toGoldStatus(s: MoveStatus): GoldStatus {
  switch (s) {
    case 'present':
    case 'late':
      return 'present';
    case 'missing':
      return 'missing';
    case 'not_expected':
      return 'not_needed';
  }
}

/** One disagreement, for people tuning detectors. */
export interface ErrorExample {
  id: string;
  /** The turn judged (absent for conversation-level disagreements). */
  turn?: number;
  /** fp: analyzer said yes, gold no; fn: gold yes, analyzer no; rank: STC-3 rank gap. */
  kind: 'fp' | 'fn' | 'rank';
  gold: string;
  predicted: string;
  /** The agent text judged (or the agent turn concerned). */
  text: string;
  /** The customer turn before it (or the one that created the need). */
  customer?: string;
  /** Extra detail, such as the rule that fired. */
  note?: string;
}

export interface ErrorReport {
  label: string;
  /** All disagreements found for the label, before the limit. */
  total: number;
  fp: number;
  fn: number;
  examples: ErrorExample[];
  /** Set when the label is not evaluated on this kind of set. */
  note?: string;
}

/** "acknowledgement", "acknowledgement:fn", "missing-solution:fp" → label and optional side. */
export function parseErrorLabel(spec: string): { label: string; side?: 'fp' | 'fn' } {
  const m = /^(.*?)(?::(fp|fn))?$/.exec(spec.trim());
  const label = m?.[1] ?? spec;
  const side = m?.[2] as 'fp' | 'fn' | undefined;
  return side ? { label, side } : { label };
}

function errorReport(
  label: string,
  all: ErrorExample[],
  side: 'fp' | 'fn' | undefined,
  limit: number,
): ErrorReport {
  const fp = all.filter((e) => e.kind === 'fp').length;
  const fn = all.filter((e) => e.kind === 'fn').length;
  const wanted = side ? all.filter((e) => e.kind === side) : all;
  return { label, total: wanted.length, fp, fn, examples: wanted.slice(0, Math.max(0, limit)) };
}

// ------------------------------------------------------------------------------------------ cs-dev (cs)

export interface TurnComparison {
  turn: number;
  gold: string[];
  predicted: string[];
  /** False when the analysed result has no agent turn with this index. */
  matched: boolean;
  text: string;
  customer?: string;
  detections: { id: string; rule: string; quote: string }[];
}

export interface StatusComparison {
  move: CoreMove;
  gold: GoldStatus;
  predicted: MoveStatus;
}

export interface CsComparison {
  id: string;
  turns: TurnComparison[];
  statuses: StatusComparison[];
  /** The analyzer's missing-move findings, kept for error listings. */
  findings: { move: CoreMove; turn: number; agentTurn?: number; customer?: string; message: string }[];
  /** Agent turns carrying each core move, by the analyzer. */
  carriers: Record<CoreMove, { turn: number; text: string }[]>;
  /** Every analysed turn's text, for error listings. */
  texts: { index: number; role: Role; text: string }[];
}

export function compareCs(result: ConversationResult, gold: CsGold): CsComparison {
  const byIndex = turnMap(result);
  const turns: TurnComparison[] = gold.turns.map(({ index, labels }) => {
    const t = byIndex.get(index);
    const matched = t !== undefined && t.role === 'agent';
    const c: TurnComparison = {
      turn: index,
      gold: labels,
      predicted: predictedLabels(t),
      matched,
      text: t?.text ?? '',
      detections: (t?.detections ?? []).map((d) => ({ id: d.id, rule: d.rule, quote: d.quote })),
    };
    const customer = customerBefore(result, index);
    if (customer !== undefined) c.customer = customer;
    return c;
  });
  const statuses: StatusComparison[] = [];
  for (const move of CORE_MOVES) {
    const g = gold.conversation[move];
    if (g !== undefined) statuses.push({ move, gold: g, predicted: result.moves[move] });
  }
  const findings: CsComparison['findings'] = [];
  for (const f of result.findings) {
    if (f.kind !== 'missing' || !f.move) continue;
    const x: CsComparison['findings'][number] = { move: f.move, turn: f.turn, message: f.message };
    if (f.agentTurn !== undefined) x.agentTurn = f.agentTurn;
    const customer = f.evidence.customer ?? byIndex.get(f.turn)?.text;
    if (customer !== undefined) x.customer = customer;
    findings.push(x);
  }
  const carriers = { acknowledgement: [], paraphrase: [], solution: [] } as CsComparison['carriers'];
  for (const t of result.turns) {
    if (t.role !== 'agent') continue;
    for (const move of CORE_MOVES) if (t.moves.includes(move)) carriers[move].push({ turn: t.index, text: t.text });
  }
  const texts = result.turns.map((t) => ({ index: t.index, role: t.role, text: t.text }));
  return { id: result.id, turns, statuses, findings, carriers, texts };
}

export interface MissingScore extends Prf {
  move: CoreMove;
  counts: Confusion;
}

export interface StatusScore {
  move: CoreMove;
  /** Rows gold, columns predicted (late counted as present, not_expected as not_needed). */
  matrix: AgreementMatrix<GoldStatus>;
  accuracy: number | null;
  n: number;
}

export interface CsEvaluation {
  conversations: number;
  /** Gold agent turns judged. */
  turns: number;
  /** Gold agent turns with no analysed agent turn of the same index (counted as predicted nothing). */
  unmatchedTurns: number;
  /** Turn-level agreement per label. */
  labels: LabelScore[];
  /** "missing" findings: predicted status missing vs gold missing, over conversations. */
  missing: MissingScore[];
  /** 3x3 status agreement per core move. */
  status: StatusScore[];
}

export function evaluateCs(comparisons: readonly CsComparison[]): CsEvaluation {
  const labelCounts = new Map<TurnLabel, Confusion>(TURN_LABELS.map((l) => [l, emptyConfusion()]));
  let turns = 0;
  let unmatchedTurns = 0;
  const missingCounts = new Map<CoreMove, Confusion>(CORE_MOVES.map((m) => [m, emptyConfusion()]));
  const matrices = new Map<CoreMove, AgreementMatrix<GoldStatus>>(CORE_MOVES.map((m) => [m, emptyMatrix(GOLD_STATUSES)]));
  const statusN = new Map<CoreMove, number>(CORE_MOVES.map((m) => [m, 0]));
  for (const c of comparisons) {
    for (const t of c.turns) {
      turns++;
      if (!t.matched) unmatchedTurns++;
      for (const label of TURN_LABELS) tally(labelCounts.get(label)!, t.gold.includes(label), t.predicted.includes(label));
    }
    for (const s of c.statuses) {
      tally(missingCounts.get(s.move)!, s.gold === 'missing', s.predicted === 'missing');
      matrices.get(s.move)!.counts[s.gold][toGoldStatus(s.predicted)]++;
      statusN.set(s.move, statusN.get(s.move)! + 1);
    }
  }
  return {
    conversations: comparisons.length,
    turns,
    unmatchedTurns,
    labels: TURN_LABELS.map((l) => labelScore(l, labelCounts.get(l)!)),
    missing: CORE_MOVES.map((move) => {
      const counts = missingCounts.get(move)!;
      return { move, counts, ...prf(counts) };
    }),
    status: CORE_MOVES.map((move) => {
      const matrix = matrices.get(move)!;
      return { move, matrix, accuracy: matrixAccuracy(matrix), n: statusN.get(move)! };
    }),
  };
}

function isCoreMove(x: string): x is CoreMove {
  return (CORE_MOVES as readonly string[]).includes(x);
}

/**
 * Disagreements on cs-dev. `label` is a turn label (acknowledgement, solution, negative_language, ...) for turn-level
 * misses, or missing-<core move> (missing-acknowledgement) for conversation-level "missing" findings.
 */
export function csErrors(comparisons: readonly CsComparison[], spec: string, limit: number): ErrorReport {
  const { label, side } = parseErrorLabel(spec);
  const all: ErrorExample[] = [];
  const missingMove = label.startsWith('missing-') ? label.slice('missing-'.length) : undefined;
  if (missingMove !== undefined) {
    if (!isCoreMove(missingMove)) {
      return { ...errorReport(label, [], side, limit), note: `not a core move: ${missingMove} (${CORE_MOVES.join(', ')})` };
    }
    for (const c of comparisons) {
      const s = c.statuses.find((x) => x.move === missingMove);
      if (!s) continue;
      const g = s.gold === 'missing';
      const p = s.predicted === 'missing';
      if (g === p) continue;
      const finding = c.findings.find((f) => f.move === missingMove);
      const carrier = c.carriers[missingMove][0];
      const goldCarriers = c.turns.filter((t) => t.gold.includes(missingMove));
      const e: ErrorExample = { id: c.id, kind: p ? 'fp' : 'fn', gold: s.gold, predicted: s.predicted, text: '' };
      if (p) {
        // The analyzer reports the move missing. Show the need it saw, and the agent turn the labellers credited.
        if (finding) {
          e.turn = finding.turn;
          if (finding.customer !== undefined) e.customer = finding.customer;
        }
        const credited = goldCarriers[0];
        const answer = credited ?? c.texts.find((t) => t.role === 'agent' && t.index > (finding?.turn ?? -1));
        if (answer) e.text = answer.text;
        e.note = credited
          ? `labellers saw ${missingMove} in agent turn ${goldCarriers.map((t) => t.turn).join(', ')}`
          : `labellers: ${s.gold}${finding ? `; analyzer: ${finding.message}` : ''}`;
      } else if (carrier) {
        // The labellers say missing, the analyzer credited a turn with the move.
        e.turn = carrier.turn;
        e.text = carrier.text;
        e.note = `analyzer saw ${missingMove} in agent turn ${carrier.turn}`;
      } else {
        // The labellers say missing, the analyzer saw no need for the move.
        e.customer = c.texts
          .filter((t) => t.role === 'customer')
          .map((t) => t.text)
          .join(' | ');
        e.note = `analyzer saw no need for ${missingMove}`;
      }
      all.push(e);
    }
    return errorReport(label, all, side, limit);
  }
  if (!(TURN_LABELS as readonly string[]).includes(label)) {
    return {
      ...errorReport(label, [], side, limit),
      note: `not a label of this set: use one of ${TURN_LABELS.join(', ')} or missing-<${CORE_MOVES.join('|')}>`,
    };
  }
  for (const c of comparisons) {
    for (const t of c.turns) {
      const g = t.gold.includes(label);
      const p = t.predicted.includes(label);
      if (g === p) continue;
      const e: ErrorExample = {
        id: c.id,
        turn: t.turn,
        kind: p ? 'fp' : 'fn',
        gold: t.gold.join(', ') || '-',
        predicted: t.predicted.join(', ') || '-',
        text: t.text,
      };
      if (t.customer !== undefined) e.customer = t.customer;
      const d = t.detections.find((x) => x.id === label);
      if (d) e.note = `rule ${d.rule}: "${d.quote}"`;
      else if (!t.matched) e.note = 'no analysed agent turn with this index';
      all.push(e);
    }
  }
  return errorReport(label, all, side, limit);
}

// ---------------------------------------------------------------------------------------------- ESConv

export const ESCONV_LABELS = ['acknowledgement', 'paraphrase', 'solution', 'open_question'] as const;
export type EsconvLabel = (typeof ESCONV_LABELS)[number];

/** Which ESConv strategies count as each move (README: "How ESConv strategies map onto the project's moves"). */
export const ESCONV_STRATEGIES: Record<EsconvLabel, readonly string[]> = {
  acknowledgement: ['Reflection of feelings', 'Affirmation and Reassurance'],
  paraphrase: ['Restatement or Paraphrasing'],
  solution: ['Providing Suggestions'],
  open_question: ['Question', 'Questions'],
};

export function esconvGoldLabels(strategy: string): EsconvLabel[] {
  return ESCONV_LABELS.filter((l) => ESCONV_STRATEGIES[l].includes(strategy));
}

export interface EsconvComparison {
  id: string;
  turn: number;
  strategy: string;
  gold: EsconvLabel[];
  /** Everything the analyzer found in the turn (moves and flags). */
  predicted: string[];
  matched: boolean;
  text: string;
  customer?: string;
  detections: { id: string; rule: string; quote: string }[];
}

export function compareEsconv(result: ConversationResult, gold: EsconvGold): EsconvComparison {
  const t = turnMap(result).get(gold.turn);
  const c: EsconvComparison = {
    id: result.id,
    turn: gold.turn,
    strategy: gold.strategy,
    gold: esconvGoldLabels(gold.strategy),
    predicted: predictedLabels(t),
    matched: t !== undefined && t.role === 'agent',
    text: t?.text ?? '',
    detections: (t?.detections ?? []).map((d) => ({ id: d.id, rule: d.rule, quote: d.quote })),
  };
  const customer = customerBefore(result, gold.turn);
  if (customer !== undefined) c.customer = customer;
  return c;
}

export interface StrategyRow {
  strategy: string;
  n: number;
  /** Share of this strategy's turns in which the analyzer found each move. */
  rates: Record<EsconvLabel, number>;
}

export interface EsconvEvaluation {
  turns: number;
  unmatchedTurns: number;
  labels: LabelScore[];
  /** What the analyzer finds per human strategy: where the false positives come from. */
  byStrategy: StrategyRow[];
}

export function evaluateEsconv(comparisons: readonly EsconvComparison[]): EsconvEvaluation {
  const counts = new Map<EsconvLabel, Confusion>(ESCONV_LABELS.map((l) => [l, emptyConfusion()]));
  const strategies = new Map<string, { n: number; hits: Record<EsconvLabel, number> }>();
  let unmatchedTurns = 0;
  for (const c of comparisons) {
    if (!c.matched) unmatchedTurns++;
    let row = strategies.get(c.strategy);
    if (!row) {
      row = { n: 0, hits: { acknowledgement: 0, paraphrase: 0, solution: 0, open_question: 0 } };
      strategies.set(c.strategy, row);
    }
    row.n++;
    for (const l of ESCONV_LABELS) {
      const p = c.predicted.includes(l);
      tally(counts.get(l)!, c.gold.includes(l), p);
      if (p) row.hits[l]++;
    }
  }
  const byStrategy = [...strategies.entries()]
    .map(([strategy, { n, hits }]) => {
      const rates = {} as Record<EsconvLabel, number>;
      for (const l of ESCONV_LABELS) rates[l] = hits[l] / n;
      return { strategy, n, rates };
    })
    .sort((a, b) => b.n - a.n || a.strategy.localeCompare(b.strategy));
  return {
    turns: comparisons.length,
    unmatchedTurns,
    labels: ESCONV_LABELS.map((l) => labelScore(l, counts.get(l)!)),
    byStrategy,
  };
}

export function esconvErrors(comparisons: readonly EsconvComparison[], spec: string, limit: number): ErrorReport {
  const { label, side } = parseErrorLabel(spec);
  if (!(ESCONV_LABELS as readonly string[]).includes(label)) {
    return { ...errorReport(label, [], side, limit), note: `not evaluated on ESConv: use one of ${ESCONV_LABELS.join(', ')}` };
  }
  const l = label as EsconvLabel;
  const all: ErrorExample[] = [];
  for (const c of comparisons) {
    const g = c.gold.includes(l);
    const p = c.predicted.includes(l);
    if (g === p) continue;
    const e: ErrorExample = {
      id: c.id,
      turn: c.turn,
      kind: p ? 'fp' : 'fn',
      gold: c.strategy,
      predicted: c.predicted.join(', ') || '-',
      text: c.text,
    };
    if (c.customer !== undefined) e.customer = c.customer;
    const d = c.detections.find((x) => x.id === l);
    if (d) e.note = `rule ${d.rule}: "${d.quote}"`;
    else if (!c.matched) e.note = 'no analysed agent turn with this index';
    all.push(e);
  }
  return errorReport(label, all, side, limit);
}

// ----------------------------------------------------------------------------------------------- STC-3

export interface Stc3Comparison {
  id: string;
  score: number | null;
  A: number | null;
  S: number | null;
  E: number | null;
  /** First customer turn and agent turns, for error listings. */
  customer?: string;
  agent: string;
}

export function compareStc3(result: ConversationResult, gold: Stc3Gold): Stc3Comparison {
  const c: Stc3Comparison = {
    id: result.id,
    score: result.score,
    A: gold.A,
    S: gold.S,
    E: gold.E,
    agent: result.turns
      .filter((t) => t.role === 'agent')
      .map((t) => t.text)
      .join(' | '),
  };
  const customer = result.turns.find((t) => t.role === 'customer')?.text;
  if (customer !== undefined) c.customer = customer;
  return c;
}

export interface Correlation {
  rho: number | null;
  /** Pairs used: conversations with a score and this rating. */
  n: number;
}

export interface Stc3Evaluation {
  conversations: number;
  scored: number;
  /** Conversations whose score was null (left out of the correlations). */
  nullScores: number;
  meanScore: number | null;
  rho: { S: Correlation; E: Correlation; A: Correlation };
}

function correlate(comparisons: readonly Stc3Comparison[], key: 'A' | 'S' | 'E'): Correlation {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const c of comparisons) {
    const y = c[key];
    if (c.score === null || y === null) continue;
    xs.push(c.score);
    ys.push(y);
  }
  return { rho: spearman(xs, ys), n: xs.length };
}

export function evaluateStc3(comparisons: readonly Stc3Comparison[]): Stc3Evaluation {
  const scores = comparisons.flatMap((c) => (c.score === null ? [] : [c.score]));
  return {
    conversations: comparisons.length,
    scored: scores.length,
    nullScores: comparisons.length - scores.length,
    meanScore: scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null,
    rho: { S: correlate(comparisons, 'S'), E: correlate(comparisons, 'E'), A: correlate(comparisons, 'A') },
  };
}

/**
 * STC-3 has no turn labels: label "score" (or S / E / A) lists the scored conversations whose score rank is furthest
 * from their rank by that rating. fp: the analyzer ranks it much higher than people did; fn: much lower.
 */
export function stc3Errors(comparisons: readonly Stc3Comparison[], spec: string, limit: number): ErrorReport {
  const { label, side } = parseErrorLabel(spec);
  const key = label === 'score' ? 'S' : label;
  if (key !== 'S' && key !== 'E' && key !== 'A') {
    return { ...errorReport(label, [], side, limit), note: 'STC-3 has no turn labels: use score (= S), S, E or A' };
  }
  const pairs = comparisons.filter((c) => c.score !== null && c[key] !== null);
  const n = pairs.length;
  if (n < 2) return errorReport(label, [], side, limit);
  const scoreRank = averageRanks(pairs.map((c) => c.score!));
  const goldRank = averageRanks(pairs.map((c) => c[key]!));
  const gaps = pairs
    .map((c, i) => ({ c, i, gap: (scoreRank[i]! - goldRank[i]!) / n }))
    .filter((x) => Math.abs(x.gap) >= 0.25)
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap));
  const all: ErrorExample[] = gaps.map(({ c, i, gap }) => {
    const e: ErrorExample = {
      id: c.id,
      kind: gap > 0 ? 'fp' : 'fn',
      gold: `${key} ${c[key]!.toFixed(2)}`,
      predicted: `score ${c.score!.toFixed(1)}`,
      text: c.agent,
      note: `percentile by score ${pct(scoreRank[i]!, n)}, by ${key} ${pct(goldRank[i]!, n)}`,
    };
    if (c.customer !== undefined) e.customer = c.customer;
    return e;
  });
  return errorReport(label, all, side, limit);
}

function pct(rank: number, n: number): string {
  return `${Math.round(((rank - 0.5) / n) * 100)}%`;
}
