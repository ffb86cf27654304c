import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../src/report/csv.js';
import { CSV_LEVELS } from '../../src/report/formats.js';
import { createTestReport, HOSTILE } from './helpers.js';

/** RFC 4180 reader, strict: CRLF records, fields quoted with doubled quotes; throws on anything else. */
function parseRfc4180(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const end = text.indexOf('"', i);
        if (end < 0) throw new Error('unterminated quote');
        field += text.slice(i, end);
        i = end + 1;
        if (text[i] !== '"') break;
        field += '"';
        i++;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  return rows;
}

const report = createTestReport();

describe('csv', () => {
  it.each(CSV_LEVELS)('%s level: BOM, RFC 4180 records of equal width, ending in CRLF', (csvLevel) => {
    const text = formatCsv(report, { csvLevel });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseRfc4180(text.slice(1));
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it('one row per conversation, turn, finding or agent', () => {
    const count = (csvLevel: (typeof CSV_LEVELS)[number]) => parseRfc4180(formatCsv(report, { csvLevel }).slice(1)).length - 1;
    expect(count('conversation')).toBe(report.conversations.length);
    expect(count('turn')).toBe(report.conversations.reduce((n, c) => n + c.turns.length, 0));
    expect(count('finding')).toBe(report.conversations.reduce((n, c) => n + c.findings.length, 0));
    expect(count('agent')).toBe(report.agents.length);
  });

  it('keeps the same columns whether or not values are present (a baseline adds values, not columns)', () => {
    const header = (r = report) => parseRfc4180(formatCsv(r, { csvLevel: 'agent' }).slice(1))[0];
    const withBaseline = createTestReport({ file: 'prev.json', report });
    expect(header(withBaseline)).toEqual(header());
    expect(header()).toEqual(expect.arrayContaining(['agent', 'score', 'baseline_score', 'delta', 'acknowledgement_rate', 'coach_first']));
  });

  it('round-trips transcript text with quotes, commas and newlines, and Chinese', () => {
    const rows = parseRfc4180(formatCsv(report, { csvLevel: 'turn' }).slice(1));
    const text = rows[0]!.indexOf('text');
    const cells = rows.map((r) => r[text]);
    expect(cells).toContain(`My parcel is late! ${HOSTILE}`);
    expect(cells).toContain('我的快递还没到');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    const rows = parseRfc4180(formatCsv(report, { csvLevel: 'turn' }).slice(1));
    expect(rows.map((r) => r[rows[0]!.indexOf('text')])).toContain("'=请提供订单号");
    // numbers are never prefixed: a negative trajectory stays a number
    const conv = parseRfc4180(formatCsv(createTestReport(), { csvLevel: 'conversation' }).slice(1));
    expect(conv.slice(1).every((r) => !r[conv[0]!.indexOf('score')]!.startsWith("'"))).toBe(true);
  });
});
