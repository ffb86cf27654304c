import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/report/junit.js';
import { junitProblems, parseXml } from './junit-schema.js';
import type { XmlElement } from './junit-schema.js';
import { createTestReport, HOSTILE } from './helpers.js';

const report = createTestReport();
const testcases = (root: XmlElement) => root.children.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));

describe('junit', () => {
  it('has the common JUnit schema shape, and its counts add up', () => {
    for (const thresholds of [{ minConversations: 5 }, { minConversations: 5, failUnder: 80, failOnMissing: true }]) {
      expect(junitProblems(parseXml(formatJunit(report, { thresholds })))).toEqual([]);
    }
  });

  it('the structural check rejects what CI parsers reject', () => {
    const ok = formatJunit(report, { thresholds: { minConversations: 5 } });
    expect(() => parseXml(ok.replace('name="heard"', 'name="a & b"'))).toThrow(/bare &/);
    expect(() => parseXml(ok.replace('</testsuites>', ''))).toThrow();
    expect(junitProblems(parseXml(ok.replace('tests="5"', 'tests="6"')))).not.toEqual([]);
    expect(junitProblems(parseXml(ok.replace('<testcase name=', '<testcase bogus="1" name=')))).toEqual([expect.stringMatching(/unknown attribute bogus/)]);
  });

  it('one testsuite per agent, one testcase per conversation, and one suite listing the skipped input', () => {
    const root = parseXml(formatJunit(report, { thresholds: { minConversations: 5 } }));
    expect(root.children.map((s) => s.attributes.name)).toEqual([...report.agents.map((a) => a.agent), 'skipped input']);
    expect(testcases(root).map((t) => t.attributes.name)).toEqual(['C-1', 'C-4', 'C-2', 'C-3', ...report.summary.skipped.map((s) => s.source)]);
    const skippedSuite = root.children.at(-1)!;
    expect(skippedSuite.children[0]!.children[0]!.attributes.message).toBe(report.summary.skipped[0]!.reason);
  });

  it('has no skipped-input suite when nothing was skipped', () => {
    const clean = createTestReport();
    clean.summary.skipped = [];
    const root = parseXml(formatJunit(clean, { thresholds: { minConversations: 5 } }));
    expect(root.children.map((s) => s.attributes.name)).toEqual(clean.agents.map((a) => a.agent));
  });

  it('passes everything without thresholds; an unscored conversation and the skipped input are skipped', () => {
    const root = parseXml(formatJunit(report, { thresholds: { minConversations: 5 } }));
    expect(root.attributes).toMatchObject({ tests: '5', failures: '0', skipped: '2' });
    expect(testcases(root).find((t) => t.attributes.name === 'C-4')!.children.map((c) => c.name)).toEqual(['skipped']);
  });

  it('fails conversations below --fail-under or, with --fail-on missing, missing a move; the failure carries the findings', () => {
    const underOnly = parseXml(formatJunit(report, { thresholds: { minConversations: 5, failUnder: 50 } }));
    expect(testcases(underOnly).filter((t) => t.children.some((c) => c.name === 'failure')).map((t) => t.attributes.name)).toEqual(['C-2']);

    const root = parseXml(formatJunit(report, { thresholds: { minConversations: 5, failUnder: 50, failOnMissing: true } }));
    const failed = testcases(root).filter((t) => t.children.some((c) => c.name === 'failure'));
    expect(failed.map((t) => t.attributes.name)).toEqual(['C-2', 'C-3']);
    const failure = failed[0]!.children[0]!;
    expect(failure.attributes.message).toBe('C-2: score 20 is below --fail-under 50; missing acknowledgement');
    expect(failure.text).toContain('missing acknowledgement');
    expect(failure.text).toContain('late solution');
    expect(failure.text).toContain('As I said, it is in transit.');
  });

  it('escapes untrusted text', () => {
    const hostile = createTestReport();
    hostile.conversations[1]!.findings[0]!.evidence.customer = `${HOSTILE}\u0007`;
    const xml = formatJunit(hostile, { thresholds: { minConversations: 5, failOnMissing: true } });
    expect(xml).not.toContain('<script>');
    const failure = testcases(parseXml(xml)).find((t) => t.attributes.name === 'C-2')!.children[0]!;
    expect(failure.text).toContain('<script>alert("x")</script>');
  });
});
