import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import { createTestReport } from './helpers.js';

describe('markdown', () => {
  const md = formatMarkdown(createTestReport());

  it('summarises overall, per agent and the findings with their quotes', () => {
    expect(md).toMatch(/^# heard report\n\n\*\*Overall score 61\.7\*\*/u);
    expect(md).toContain('| Alice | 2 | 90 | 100% (1/1) | n/a | 100% (1/1) | 0 | — |');
    expect(md).toContain('- **missing acknowledgement** (turn 0): missing acknowledgement');
    expect(md).toContain('  - customer: “My parcel is late!”');
  });

  it('escapes untrusted text so it renders as text, one line, without breaking a table', () => {
    const report = createTestReport();
    report.agents[0]!.agent = 'Al|ice <img src=x> *x*';
    const out = formatMarkdown(report);
    expect(out).toContain('| Al\\|ice &lt;img src=x&gt; \\*x\\* |');
  });

  it('adds a delta column with a baseline', () => {
    const previous = createTestReport();
    previous.agents[1]!.score = 30; // Bob was 30, is 20
    const out = formatMarkdown(createTestReport({ file: 'prev.json', report: previous }));
    expect(out).toContain('| Agent | Conversations | Score | Δ |');
    expect(out).toContain('| Bob | 1 | 20 | ↓10 |');
  });
});
