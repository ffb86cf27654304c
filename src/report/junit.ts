// JUnit XML, which CI systems render natively: one testsuite per agent, one testcase per conversation. A
// conversation fails when it breaks a threshold (thresholds.ts); the failure carries its findings.
import { Chalk } from 'chalk';
import type { ConversationResult } from '../model/analysis.js';
import type { AgentSummary, HeardReport } from '../model/report.js';
import { escapeMarkup as x } from './markup.js';
import { findingLines } from './table.js';
import { conversationFailures } from './thresholds.js';
import type { Thresholds } from './thresholds.js';
import { deltaLabel, scoreLabel } from './text.js';

export interface JunitOptions {
  thresholds: Thresholds;
}

const PLAIN = new Chalk({ level: 0 });

interface Case {
  conversation: ConversationResult;
  failures: string[];
}

export function formatJunit(report: HeardReport, options: JunitOptions): string {
  const suites = report.agents.map((agent) => ({
    agent,
    cases: report.conversations
      .filter((c) => c.agent === agent.agent)
      .map((conversation): Case => ({ conversation, failures: conversationFailures(conversation, options.thresholds) })),
  }));
  const count = (cases: Case[]) => ({
    tests: cases.length,
    failures: cases.filter((k) => k.failures.length).length,
    skipped: cases.filter((k) => k.conversation.score === null).length,
  });
  const all = count(suites.flatMap((s) => s.cases));
  const skippedInput = report.summary.skipped;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="heard" tests="${all.tests + skippedInput.length}" failures="${all.failures}" errors="0" skipped="${all.skipped + skippedInput.length}">`,
  ];
  for (const suite of suites) {
    const n = count(suite.cases);
    out.push(`  <testsuite name="${x(suite.agent.agent)}" tests="${n.tests}" failures="${n.failures}" errors="0" skipped="${n.skipped}">`);
    out.push(...properties(suite.agent));
    for (const k of suite.cases) out.push(...testcase(suite.agent, k));
    out.push('  </testsuite>');
  }
  // Input that was not analysed is shown, not hidden: one skipped testcase per item, with its reason.
  if (skippedInput.length) {
    out.push(`  <testsuite name="skipped input" tests="${skippedInput.length}" failures="0" errors="0" skipped="${skippedInput.length}">`);
    for (const item of skippedInput) {
      out.push(`    <testcase name="${x(item.source)}" classname="heard.input">`, `      <skipped message="${x(item.reason)}"/>`, '    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}

function properties(agent: AgentSummary): string[] {
  const props: [string, string][] = [['score', scoreLabel(agent.score)]];
  if (agent.baseline) props.push(['baseline_score', scoreLabel(agent.baseline.score)], ['delta', deltaLabel(agent.baseline.delta)]);
  return ['    <properties>', ...props.map(([name, value]) => `      <property name="${x(name)}" value="${x(value)}"/>`), '    </properties>'];
}

function testcase(agent: AgentSummary, { conversation: c, failures }: Case): string[] {
  const open = `    <testcase name="${x(c.id)}" classname="heard.${x(agent.agent)}"`;
  if (c.score === null) return [`${open}>`, '      <skipped message="no move was expected in this conversation, so it is not scored"/>', '    </testcase>'];
  if (!failures.length) return [`${open}/>`];
  const message = `${c.id}: ${failures.join('; ')}`;
  const body = [`score ${scoreLabel(c.score)} · ${c.source}`, ...c.findings.flatMap((f) => findingLines(PLAIN, f))].join('\n');
  return [`${open}>`, `      <failure message="${x(message)}" type="heard.threshold">${x(body)}</failure>`, '    </testcase>'];
}
