import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { createTestReport } from './helpers.js';

const report = createTestReport();
const html = formatHtml(report);

describe('html', () => {
  it('escapes untrusted transcript text: a <script> in a turn stays text', () => {
    expect(html.match(/<script/gu)).toHaveLength(1); // the page's own sorting script, and nothing else
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<[^>]*\son\w+=/u); // no event-handler attributes anywhere
  });

  it('is self-contained: no external resource, a CSP that allows no network and only its own script', () => {
    expect(html).not.toMatch(/\s(?:src|href)="(?!#)/u);
    expect(html).not.toMatch(/@import|url\(/u);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/u.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    const script = /<script>([\s\S]*?)<\/script>/u.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
  });

  it('has the overview, the sortable agent table, the heat map, per-agent charts and every transcript', () => {
    expect(html).toContain('<table class="sortable" id="agents-table">');
    expect(html.match(/<svg class="chart histogram"/gu)).toHaveLength(1);
    expect(html.match(/<svg class="chart moves"/gu)).toHaveLength(report.agents.length);
    expect(html.match(/<svg class="chart scores"/gu)).toHaveLength(report.agents.length);
    expect(html.match(/<td class="cell"/gu)).toHaveLength((report.agents.length + 1) * 3); // agents and the team
    expect(html.match(/<article class="conversation"/gu)).toHaveLength(report.conversations.length);
  });

  it('highlights evidence and shows a missing move at the reply that missed it', () => {
    const rude = html.slice(html.indexOf('<h3>C-2'), html.indexOf('<h3>C-3'));
    expect(rude).toContain('<mark class="flag"');
    expect(rude).toMatch(/<mark class="need"[^>]*>My parcel is late!<\/mark>/u);
    const replyThatMissed = rude.slice(rude.indexOf('1 · agent'), rude.indexOf('2 · agent'));
    expect(replyThatMissed).toContain('✗ missing acknowledgement</strong> (needed since turn 0)');
    expect(rude.slice(rude.indexOf('2 · agent'))).toContain('◔ late solution');
  });

  it('marks Chinese conversations so CJK system fonts are used, and has print styles', () => {
    expect(html).toMatch(/<article class="conversation" id="conv-2" lang="zh">/u);
    expect(html).toMatch(/:lang\(zh\) \{ font-family: "Noto Sans CJK SC"/u);
    expect(html).toContain('@media print');
  });

  it('shows deltas only with a baseline', () => {
    expect(html).not.toContain('class="delta');
    const previous = createTestReport();
    previous.agents[0]!.score = 80; // Alice was 80, is 90
    const compared = formatHtml(createTestReport({ file: 'prev.json', report: previous }));
    expect(compared).toContain('<span class="delta up">↑10</span>');
    expect(compared).toContain('<button type="button">Δ</button>');
  });
});
