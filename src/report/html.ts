// The report a QA lead opens in a browser: ONE self-contained file (CI artefacts are opened offline), charts as
// inline SVG drawn here at build time, a few lines of inline script for sorting, and every conversation as an
// annotated transcript. Transcripts are untrusted input: every piece of text goes through escapeMarkup, and the
// page's Content-Security-Policy allows no network and only the one script below, by hash.
import { createHash } from 'node:crypto';
import { CORE_MOVES } from '../model/analysis.js';
import type { AnalysedTurn, ConversationResult, CoreMove, Finding } from '../model/analysis.js';
import type { AgentSummary, HeardReport, MoveRate } from '../model/report.js';
import { annotate, NEED_MARK } from './annotate.js';
import type { AnnotatedTurn } from './annotate.js';
import { escapeMarkup as e } from './markup.js';
import { deltaLabel, findingLabel, moveRateLabel, rateLabel, scoreLabel } from './text.js';

const MOVE_LABEL: Record<CoreMove, string> = { acknowledgement: 'Acknowledgement', paraphrase: 'Paraphrase', solution: 'Solution' };

// Click a column header to sort by it, again to reverse; unscored cells ("n/a", empty data-sort) stay last.
const SORT_SCRIPT = `document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.querySelector('button').addEventListener('click', function () {
      var asc = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-sort'), y = b.cells[col].getAttribute('data-sort');
        if (x === '' || y === '') return (x === '') - (y === '');
        var d = isNaN(x) || isNaN(y) ? x.localeCompare(y) : x - y;
        return asc ? d : -d;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});`;
const SCRIPT_HASH = createHash('sha256').update(SORT_SCRIPT).digest('base64');

// System fonts only (no font files, no network); the CJK families cover Chinese on macOS, Windows and Linux.
const FONTS = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif`;
const CJK_FONTS = `"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", ${FONTS}`;

const STYLE = `
:root { --good: #1a7f37; --mid: #9a6700; --bad: #cf222e; --line: #d0d7de; --muted: #57606a; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { font-family: ${FONTS}; margin: 0 auto; max-width: 1100px; padding: 1rem 1.5rem 3rem; color: #1f2328; line-height: 1.45; }
:lang(zh) { font-family: ${CJK_FONTS}; }
h1 { margin: .5rem 0 0; } h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
nav { display: flex; gap: 1rem; flex-wrap: wrap; font-size: .9rem; margin: .5rem 0 1rem; }
.muted { color: var(--muted); } .good { color: var(--good); } .mid { color: var(--mid); } .bad { color: var(--bad); }
.cards { display: flex; gap: 1rem; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem 1rem; background: #fff; }
.card .value { font-size: 1.8rem; font-weight: 600; }
.delta.up { color: var(--good); } .delta.down { color: var(--bad); }
table { border-collapse: collapse; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
.heat td.cell { text-align: center; min-width: 7rem; }
.agents-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 1rem; }
svg.chart { max-width: 100%; height: auto; }
svg text { font-family: ${FONTS}; font-size: 11px; fill: #1f2328; }
.conversation { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem; }
.conversation h3 { margin: .3rem 0; }
.status { display: inline-block; border-radius: 3px; padding: 0 .35rem; margin-right: .3rem; font-size: .8rem; background: var(--bg); }
.status.present { color: var(--good); } .status.late { color: var(--mid); } .status.missing { color: var(--bad); font-weight: 600; }
ol.turns { list-style: none; padding: 0; margin: .5rem 0; }
.turn { padding: .35rem .6rem; margin: .3rem 0; border-left: 4px solid var(--line); }
.turn.customer { background: var(--bg); } .turn.agent { border-left-color: #0969da; }
.who { font-size: .8rem; color: var(--muted); }
.text { white-space: pre-wrap; }
mark { background: #dafbe1; border-radius: 2px; } mark.flag { background: #ffebe9; } mark.need { background: #fff8c5; }
.tag { display: inline-block; font-size: .75rem; border-radius: 10px; padding: 0 .5rem; margin: .15rem .2rem 0 0; border: 1px solid var(--line); }
.tag.move { color: var(--good); } .tag.flag { color: var(--bad); } .tag.need, .tag.emotion { color: var(--mid); }
.finding { margin: .3rem 0 0; padding: .3rem .5rem; border: 1px dashed var(--bad); border-radius: 4px; font-size: .9rem; }
.finding.late { border-color: var(--mid); }
.finding .try { color: var(--good); }
@media print {
  nav, th button::after { display: none; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .card, .turn, .agent-card, svg, tr { break-inside: avoid; }
  .conversation { break-inside: auto; }
  h2, h3 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}`;

export function formatHtml(report: HeardReport): string {
  const agentIndex = new Map(report.agents.map((a, i) => [a.agent, i]));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH}'">
<title>heard report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>heard report</h1>
<div class="muted">heard ${e(report.tool.version)} · schemaVersion ${e(report.schemaVersion)}</div>
<nav><a href="#overview">Overview</a><a href="#agents">Agents</a><a href="#heatmap">Moves by agent</a><a href="#agent-charts">Agent charts</a><a href="#conversations">Conversations</a></nav>
${overview(report)}
${agentsTable(report)}
${heatMap(report)}
${agentCharts(report)}
<section id="conversations"><h2>Conversations</h2>
${report.conversations.map((c, i) => conversation(c, i, agentIndex.get(c.agent) ?? 0)).join('\n')}
</section>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}

function overview(report: HeardReport): string {
  const { summary } = report;
  const baseline = summary.baseline;
  const cards = [
    card('Overall score', `<span class="${scoreClass(summary.score)}">${scoreLabel(summary.score)}</span> ${delta(baseline?.delta)}`,
      baseline ? `against ${e(baseline.file)} (${scoreLabel(baseline.score)})` : ''),
    card('Conversations', `${summary.conversations}`, `${summary.scored} scored`),
    card('Agents', `${summary.agents}`),
    card('Turns', `${summary.turns}`),
    card('Skipped', `${summary.skipped.length}`, summary.skipped.length ? 'listed at the end of this section' : ''),
  ];
  const skipped = summary.skipped.length
    ? `<h3>Skipped input</h3><ul>${summary.skipped.map((s) => `<li>${e(s.source)}: ${e(s.reason)}</li>`).join('')}</ul>`
    : '';
  const scores = report.conversations.map((c) => c.score).filter((s): s is number => s !== null);
  return `<section id="overview"><h2>Overview</h2>
<div class="cards">${cards.join('')}</div>
<h3>Conversation scores</h3>
${histogram(scores)}
${skipped}
</section>`;
}

function card(label: string, valueHtml: string, noteHtml = ''): string {
  return `<div class="card"><div class="muted">${e(label)}</div><div class="value">${valueHtml}</div><div class="muted">${noteHtml}</div></div>`;
}

function agentsTable(report: HeardReport): string {
  const hasBaseline = report.summary.baseline !== undefined;
  const heads: [string, boolean][] = [
    ['Agent', false], ['Conversations', true], ['Score', true], ...(hasBaseline ? [['Δ', true] as [string, boolean]] : []),
    ...CORE_MOVES.map((m): [string, boolean] => [MOVE_LABEL[m], true]), ['Negative language', true], ['Canned', true], ['Coach first', false],
  ];
  const rows = report.agents.map((agent, i) => {
    const coaching = agent.coaching[0];
    const cells = [
      td(agent.agent, `<a href="#agent-${i}">${e(agent.agent)}</a>`),
      num(agent.conversations),
      td(agent.score ?? '', `<span class="${scoreClass(agent.score)}">${scoreLabel(agent.score)}</span>`, 'num'),
      ...(hasBaseline ? [td(agent.baseline?.delta ?? '', delta(agent.baseline?.delta), 'num')] : []),
      ...CORE_MOVES.map((m) => td(agent.moves[m].rate ?? '', e(moveRateLabel(agent.moves[m])), 'num')),
      num(agent.flags.negative_language),
      num(agent.flags.canned),
      td(coaching?.move ?? '', coaching ? `<strong>${e(coaching.move)}</strong>: ${e(coaching.message)}` : '—'),
    ];
    return `<tr>${cells.join('')}</tr>`;
  });
  return `<section id="agents"><h2>Agents</h2>
<p class="muted">Click a column to sort. A move's rate is met (or late) over the times the moment called for it.</p>
<table class="sortable" id="agents-table"><thead><tr>${heads.map(([h, n]) => `<th${n ? ' class="num"' : ''}><button type="button">${e(h)}</button></th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}

function td(sortValue: string | number, html: string, cls = ''): string {
  return `<td${cls ? ` class="${cls}"` : ''} data-sort="${e(sortValue)}">${html}</td>`;
}

function num(value: number): string {
  return td(value, `${value}`, 'num');
}

function heatMap(report: HeardReport): string {
  const team = report.summary.moves;
  const row = (name: string, moves: Record<CoreMove, MoveRate>, extra = '') =>
    `<tr><th>${name}</th>${CORE_MOVES.map((m) => heatCell(moves[m])).join('')}${extra}</tr>`;
  return `<section id="heatmap"><h2>Moves by agent</h2>
<p class="muted">Share of the moments that called for a move where the agent made it: red none, green all; grey when never called for.</p>
<table class="heat"><thead><tr><th>Agent</th>${CORE_MOVES.map((m) => `<th>${MOVE_LABEL[m]}</th>`).join('')}</tr></thead><tbody>
${report.agents.map((a, i) => row(`<a href="#agent-${i}">${e(a.agent)}</a>`, a.moves)).join('\n')}
${team ? row('<em>Team</em>', team) : ''}
</tbody></table></section>`;
}

function heatCell(rate: MoveRate): string {
  // Hue from red (0) to green (120): the colour reads as "how often", the label gives the counts.
  const style = rate.rate === null ? 'background:#eaeef2' : `background:hsl(${Math.round(rate.rate * 120)} 70% 84%)`;
  return `<td class="cell" style="${style}" title="${e(`${rate.met} met, ${rate.late} late, of ${rate.expected}`)}">${e(moveRateLabel(rate))}</td>`;
}

function agentCharts(report: HeardReport): string {
  const cards = report.agents.map((agent, i) => {
    const scores = report.conversations.filter((c) => c.agent === agent.agent);
    const coaching = agent.coaching.map((c) => `<li><strong>${e(c.move)}</strong>: ${e(c.message)}</li>`).join('');
    return `<div class="card agent-card" id="agent-${i}">
<h3>${e(agent.agent)} <span class="${scoreClass(agent.score)}">${scoreLabel(agent.score)}</span> ${delta(agent.baseline?.delta)}</h3>
<div class="muted">conversations ${agent.conversations} · scored ${agent.scored}</div>
${moveBars(agent, report.summary.moves)}
${scoreStrip(agent, scores)}
${coaching ? `<ol>${coaching}</ol>` : '<p class="muted">Nothing to coach.</p>'}
</div>`;
  });
  return `<section id="agent-charts"><h2>Agent charts</h2>
<p class="muted">Bars: the agent's move rates; black lines: the team's. Dots: the agent's conversation scores; the triangle marks their mean.</p>
<div class="agents-grid">${cards.join('\n')}</div></section>`;
}

// --- SVG charts: fixed-size viewBoxes so they scale on screen and print without a charting runtime.

function histogram(scores: number[]): string {
  const bins = Array.from({ length: 10 }, () => 0);
  for (const s of scores) bins[Math.min(9, Math.floor(s / 10))]!++;
  const max = Math.max(1, ...bins);
  const [w, h, top, bottom, barW] = [520, 170, 16, 22, 46];
  const bars = bins.map((n, i) => {
    const height = ((h - top - bottom) * n) / max;
    const x = 10 + i * (barW + 4);
    const y = h - bottom - height;
    const label = `${i * 10}–${i === 9 ? 100 : i * 10 + 9}`;
    return `<g class="bin"><rect x="${x}" y="${y}" width="${barW}" height="${height}" fill="${i >= 8 ? '#2da44e' : i >= 5 ? '#d4a72c' : '#e5534b'}"><title>${e(`${n} conversation(s) scored ${label}`)}</title></rect>` +
      `<text x="${x + barW / 2}" y="${y - 3}" text-anchor="middle">${n || ''}</text><text x="${x + barW / 2}" y="${h - 6}" text-anchor="middle">${label}</text></g>`;
  });
  return `<svg class="chart histogram" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Distribution of conversation scores">${bars.join('')}</svg>`;
}

function moveBars(agent: AgentSummary, team: Record<CoreMove, MoveRate> | undefined): string {
  const [x0, width, rowH] = [100, 120, 22];
  const rows = CORE_MOVES.map((move, i) => {
    const y = 6 + i * rowH;
    const mine = agent.moves[move].rate;
    const theirs = team?.[move].rate ?? null;
    const bar = mine === null ? '' : `<rect x="${x0}" y="${y}" width="${Math.max(1, mine * width)}" height="12" fill="#0969da"><title>${e(`${agent.agent}: ${moveRateLabel(agent.moves[move])}`)}</title></rect>`;
    const teamLine = theirs === null ? '' : `<line x1="${x0 + theirs * width}" x2="${x0 + theirs * width}" y1="${y - 3}" y2="${y + 15}" stroke="#000" stroke-width="2"><title>${e(`team: ${rateLabel(theirs)}`)}</title></line>`;
    return `<text x="0" y="${y + 10}">${MOVE_LABEL[move]}</text><rect x="${x0}" y="${y}" width="${width}" height="12" fill="#eaeef2"/>${bar}${teamLine}` +
      `<text x="${x0 + width + 6}" y="${y + 10}">${e(rateLabel(mine))}${theirs === null ? '' : e(` · team ${rateLabel(theirs)}`)}</text>`;
  });
  const h = 10 + CORE_MOVES.length * rowH;
  return `<svg class="chart moves" viewBox="0 0 330 ${h}" width="330" height="${h}" role="img" aria-label="${e(`${agent.agent}: move rates against the team`)}">${rows.join('')}</svg>`;
}

function scoreStrip(agent: AgentSummary, conversations: ConversationResult[]): string {
  const [x0, width] = [10, 300];
  const at = (score: number) => x0 + (score / 100) * width;
  const dots = conversations
    .filter((c) => c.score !== null)
    .map((c) => `<circle cx="${at(c.score!)}" cy="20" r="5" fill="${c.score! >= 80 ? '#2da44e' : c.score! >= 50 ? '#d4a72c' : '#e5534b'}" fill-opacity="0.8"><title>${e(`${c.id}: ${scoreLabel(c.score)}`)}</title></circle>`);
  const mean = agent.score === null ? '' : `<path d="M${at(agent.score) - 5},36 L${at(agent.score) + 5},36 L${at(agent.score)},29 Z" fill="#000"><title>${e(`mean ${scoreLabel(agent.score)}`)}</title></path>`;
  const ticks = [0, 50, 100].map((t) => `<text x="${at(t)}" y="50" text-anchor="middle">${t}</text>`).join('');
  return `<svg class="chart scores" viewBox="0 0 330 54" width="330" height="54" role="img" aria-label="${e(`${agent.agent}: conversation scores`)}"><line x1="${x0}" x2="${x0 + width}" y1="20" y2="20" stroke="#d0d7de"/>${dots.join('')}${mean}${ticks}</svg>`;
}

// --- Transcripts

function conversation(c: ConversationResult, i: number, agent: number): string {
  const parts = c.scoreParts ? `moves ${c.scoreParts.moves} · outcome ${c.scoreParts.outcome} · penalty ${c.scoreParts.penalty ? `−${c.scoreParts.penalty}` : 0}` : 'no move was expected: not scored';
  const statuses = CORE_MOVES.map((m) => `<span class="status ${c.moves[m]}">${e(m)}: ${e(c.moves[m].replace('_', ' '))}</span>`).join('');
  const t = c.trajectory;
  return `<article class="conversation" id="conv-${i}" lang="${e(c.language)}">
<h3>${e(c.id)} <span class="${scoreClass(c.score)}">${scoreLabel(c.score)}</span></h3>
<div class="muted"><a href="#agent-${agent}">${e(c.agent)}</a> · ${e(c.source)} · ${e(parts)} · customer ${e(t.direction)}${t.start !== null ? e(` (${t.start} → ${t.end})`) : ''}</div>
<div>${statuses}</div>
<ol class="turns">${annotate(c).map(turn).join('\n')}</ol>
</article>`;
}

function turn({ turn: t, findings, segments }: AnnotatedTurn): string {
  const why = (id: string) => (id === NEED_MARK ? "the customer's words that called for a move" : t.detections.filter((d) => d.id === id).map((d) => d.why).join('; '));
  const text = segments
    .map(({ text, marks }) => (marks.length ? `<mark class="${e(markClass(t, marks))}" title="${e(marks.map(why).join(' | '))}">${e(text)}</mark>` : e(text)))
    .join('');
  const tags = [
    ...t.detections.map((d) => `<span class="tag ${isFlag(t, d.id) ? 'flag' : 'move'}" title="${e(d.why)}">${e(d.id.replace('_', ' '))}</span>`),
    ...(t.emotion && t.emotion.polarity !== 'neutral' ? [`<span class="tag emotion" title="${e(t.emotion.cues.join('; '))}">${e(`${t.emotion.polarity} ${t.emotion.intensity}`)}</span>`] : []),
    ...(t.needs ?? []).map((n) => `<span class="tag need">${e(`needs ${n}`)}</span>`),
  ];
  return `<li class="turn ${e(t.role)}"><div class="who">${t.index} · ${e(t.role)}${t.speaker ? ` · ${e(t.speaker)}` : ''}</div>
<div class="text">${text}</div>${tags.length ? `<div>${tags.join('')}</div>` : ''}${findings.map((f) => finding(f, t.index)).join('')}</li>`;
}

function finding(f: Finding, here: number): string {
  const since = f.turn !== here ? ` (needed since turn ${f.turn})` : '';
  return `<div class="finding ${e(f.kind)}"><strong>${f.kind === 'late' ? '◔' : '✗'} ${e(findingLabel(f))}</strong>${e(since)}: ${e(f.message)}` +
    `${f.suggestion ? `<div class="try">Try: ${e(f.suggestion)}</div>` : ''}</div>`;
}

function isFlag(t: AnalysedTurn, id: string): boolean {
  return (t.flags as string[]).includes(id);
}

function markClass(t: AnalysedTurn, marks: string[]): string {
  return marks.includes(NEED_MARK) ? 'need' : marks.some((m) => isFlag(t, m)) ? 'flag' : 'move';
}

function scoreClass(score: number | null): string {
  return score === null ? 'muted' : score >= 80 ? 'good' : score >= 50 ? 'mid' : 'bad';
}

function delta(value: number | null | undefined): string {
  const text = deltaLabel(value);
  return text ? `<span class="delta ${value! > 0 ? 'up' : value! < 0 ? 'down' : ''}">${e(text)}</span>` : '';
}
