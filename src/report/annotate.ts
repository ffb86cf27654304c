// A conversation laid out turn by turn, as the HTML transcripts and `heard explain` show it: each finding at
// the turn where it happened, each turn split into plain and highlighted evidence.
import type { AnalysedTurn, ConversationResult, Finding } from '../model/analysis.js';

export interface AnnotatedTurn {
  turn: AnalysedTurn;
  /**
   * Missing and late moves sit at the agent reply that should have carried them, other findings at their turn.
   * A flag finding is left out: it repeats a detection of its turn, which is shown with the turn already.
   */
  findings: Finding[];
  segments: Segment[];
}

/** A stretch of a turn's text and the evidence that covers it: move or flag ids, or "need" (a customer's words). */
export interface Segment {
  text: string;
  marks: string[];
}

export const NEED_MARK = 'need';

export function annotate(conversation: ConversationResult): AnnotatedTurn[] {
  const turns = conversation.turns;
  const at = new Map<number, Finding[]>(turns.map((t) => [t.index, []]));
  for (const finding of conversation.findings) {
    if (finding.flag && turns.some((t) => t.index === finding.turn && t.detections.some((d) => d.id === finding.flag))) continue;
    const wanted = finding.kind === 'missing' || finding.kind === 'late' ? (finding.agentTurn ?? finding.turn) : finding.turn;
    // A finding never disappears from the transcript, even if its turn is not in it.
    const list = at.get(wanted) ?? at.get(finding.turn) ?? at.get(turns[turns.length - 1]?.index ?? -1);
    list?.push(finding);
  }
  return turns.map((turn) => {
    const evidence = turn.detections.map((d) => ({ quote: d.quote, mark: d.id as string }));
    for (const f of conversation.findings) {
      if (f.turn === turn.index && turn.role === 'customer' && f.evidence.customer) evidence.push({ quote: f.evidence.customer, mark: NEED_MARK });
    }
    return { turn, findings: at.get(turn.index) ?? [], segments: segments(turn.text, evidence) };
  });
}

/** Split `text` at every edge of every quote it contains; quotes not found verbatim are left unmarked. */
function segments(text: string, evidence: { quote: string; mark: string }[]): Segment[] {
  const ranges = evidence
    .map(({ quote, mark }) => ({ start: quote ? text.indexOf(quote) : -1, end: 0, mark, length: quote.length }))
    .filter((r) => r.start >= 0)
    .map((r) => ({ ...r, end: r.start + r.length }));
  const edges = [...new Set([0, text.length, ...ranges.flatMap((r) => [r.start, r.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i]!, edges[i + 1]!];
    const marks = [...new Set(ranges.filter((r) => r.start <= from && r.end >= to).map((r) => r.mark))];
    const last = out[out.length - 1];
    if (last && last.marks.join() === marks.join()) last.text += text.slice(from, to);
    else out.push({ text: text.slice(from, to), marks });
  }
  return out;
}
