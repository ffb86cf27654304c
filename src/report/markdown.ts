// A summary for humans that renders well on GitHub (tickets, PR comments, job summaries): overall, per agent,
// and the findings of the conversations that most need review, with their quotes.
import { CORE_MOVES } from '../model/analysis.js';
import type { ConversationResult, Finding } from '../model/analysis.js';
import type { HeardReport } from '../model/report.js';
import { worstConversations } from './table.js';
import { clip, deltaLabel, findingLabel, moveRateLabel, scoreLabel } from './text.js';

const QUOTE_CHARS = 200;
/** How many of the lowest-scoring conversations to list with their findings. */
const WORST = 5;

export function formatMarkdown(report: HeardReport): string {
  const { summary } = report;
  const baseline = summary.baseline;
  const vs = baseline ? ` ${deltaLabel(baseline.delta)} against ${md(baseline.file)} (${scoreLabel(baseline.score)})` : '';
  const out = [
    '# heard report',
    '',
    `**Overall score ${scoreLabel(summary.score)}**${vs} · ${summary.conversations} conversations (${summary.scored} scored) · ` +
      `${summary.agents} agents · ${summary.turns} turns · heard ${md(report.tool.version)}`,
  ];
  if (report.agents.length) {
    out.push('', '## Agents', '');
    out.push(`| Agent | Conversations | Score |${baseline ? ' Δ |' : ''} ${CORE_MOVES.map(md).join(' | ')} | Negative language | Coach first |`);
    out.push(`| --- | ---: | ---: |${baseline ? ' ---: |' : ''}${' ---: |'.repeat(CORE_MOVES.length)} ---: | --- |`);
    for (const agent of report.agents) {
      const coaching = agent.coaching[0];
      const cells = [
        md(agent.agent),
        `${agent.conversations}`,
        scoreLabel(agent.score),
        ...(baseline ? [deltaLabel(agent.baseline?.delta)] : []),
        ...CORE_MOVES.map((move) => moveRateLabel(agent.moves[move])),
        `${agent.flags.negative_language}`,
        coaching ? `**${coaching.move}**: ${md(coaching.message)}` : '—',
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  const worst = worstConversations(report.conversations, WORST);
  if (worst.length) {
    out.push('', '## Conversations to review');
    for (const conversation of worst) out.push('', ...conversationLines(conversation));
  }
  if (summary.skipped.length) {
    out.push('', `## Skipped (${summary.skipped.length})`, '');
    for (const item of summary.skipped) out.push(`- ${md(item.source)}: ${md(item.reason)}`);
  }
  return `${out.join('\n')}\n`;
}

function conversationLines(c: ConversationResult): string[] {
  const lines = [`### ${md(c.id)} · ${md(c.agent)} · score ${scoreLabel(c.score)}`, '', `${md(c.source)} · ${c.language}`, ''];
  for (const finding of c.findings) lines.push(...findingLines(finding));
  return lines;
}

function findingLines(f: Finding): string[] {
  // Nested items rather than a blockquote: a line after a quote would be swallowed into it (lazy continuation).
  const lines = [`- **${findingLabel(f)}** (turn ${f.turn}): ${md(f.message)}`];
  if (f.evidence.customer) lines.push(`  - customer: “${md(clip(f.evidence.customer, QUOTE_CHARS))}”`);
  if (f.evidence.agent) lines.push(`  - agent${f.agentTurn !== undefined ? ` (turn ${f.agentTurn})` : ''}: “${md(clip(f.evidence.agent, QUOTE_CHARS))}”`);
  if (f.suggestion) lines.push(`  - *try:* ${md(f.suggestion)}`);
  return lines;
}

/** Transcripts are untrusted: every Markdown and HTML metacharacter is escaped, on one line, so quotes stay text. */
function md(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/[\\`*_[\]|~]/gu, '\\$&')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;');
}
