import { describe, expect, it } from 'vitest';
import { csvAdapter, mapColumns, parseCsv } from '../../src/ingest/csv.js';
import { fx, read, turnsOf } from './helpers.js';

describe('csv: tickets export', () => {
  const file = fx('tickets.csv');
  const { conversations, skipped } = parseCsv(read(file), file);

  it('maps headers case-insensitively (Ticket ID, Agent Name, Sender, Message, Created At)', () => {
    expect(mapColumns(['Ticket ID', 'Agent Name', 'Sender', 'Message', 'Created At'])).toEqual({
      conversation: 0,
      agent: 1,
      speaker: 2,
      text: 3,
      timestamp: 4,
    });
  });

  it('groups rows by ticket in first-appearance order, keeping row order', () => {
    expect(conversations.map((c) => c.id)).toEqual(['T-100', 'T-200']);
    expect(turnsOf(conversations[0])).toEqual([
      'customer|Customer|I was charged twice for order A-1001.\nBoth charges are $49.99.',
      "agent|Maria|I'm sorry about the double charge, I'll refund one of them today.",
    ]);
    expect(turnsOf(conversations[1])).toEqual([
      'customer|Guest|Where is parcel 7781?',
      'agent|Support|It left the depot this morning, it will arrive tomorrow.',
    ]);
  });

  it('takes the agent from the agent column (first non-empty value)', () => {
    expect(conversations.map((c) => c.agent)).toEqual(['Maria', 'Lee']);
  });

  it('reads ISO and epoch-second timestamps', () => {
    expect(conversations[0]!.turns.map((t) => t.start)).toEqual([
      Date.UTC(2024, 2, 1, 10, 0, 0) / 1000,
      Date.UTC(2024, 2, 1, 10, 1, 30) / 1000,
    ]);
    expect(conversations[1]!.turns[1]!.start).toBe(1709291000);
  });

  it('points turns at the line a (multi-line) row starts on', () => {
    expect(conversations[0]!.turns.map((t) => t.source.line)).toEqual([2, 5]);
    expect(conversations[1]!.turns.map((t) => t.source.line)).toEqual([4, 8]);
    expect(conversations[0]!.source).toEqual({ file, line: 2, record: 1 });
  });

  it('skips a bad row and a row with no text, and keeps the rest', () => {
    expect(skipped).toEqual([
      { source: `${file}:6`, reason: 'row has 6 cells, the header has 5' },
      { source: `${file}:7`, reason: 'row has no text' },
    ]);
  });
});

describe('csv: column choice', () => {
  it('uses --columns overrides, matched case-insensitively', () => {
    const file = fx('custom-columns.csv');
    const { conversations, skipped } = parseCsv(read(file), file, {
      columns: { conversation: 'case', speaker: 'SENDER', text: 'Body', timestamp: 'When' },
    });
    expect(skipped).toEqual([]);
    expect(conversations.map((c) => c.id)).toEqual(['C1']);
    expect(conversations[0]!.agent).toBe('Ana');
    expect(turnsOf(conversations[0])).toEqual([
      'agent|Ana|Thanks for calling, how can I help?',
      'customer|Ken|My router keeps rebooting.',
    ]);
    expect(conversations[0]!.turns.map((t) => t.start)).toEqual([5, 12]);
  });

  it('reports an override naming a missing column', () => {
    const file = fx('custom-columns.csv');
    const result = parseCsv(read(file), file, { columns: { text: 'Message' } });
    expect(result.conversations).toEqual([]);
    expect(result.skipped).toEqual([
      { source: file, reason: '--columns text=Message: no such column (headers found: Case, Sender, Body, When)' },
    ]);
  });

  it('reads Chinese headers and role values (simplified and traditional)', () => {
    const file = fx('zh.csv');
    const { conversations, skipped } = parseCsv(read(file), file);
    expect(skipped).toEqual([]);
    expect(conversations.map((c) => [c.id, c.agent])).toEqual([
      ['S-1', '小王'],
      ['S-2', '阿美'],
    ]);
    expect(conversations[0]!.turns.map((t) => [t.role, t.text])).toEqual([
      ['agent', '您好，请问有什么可以帮您？'],
      ['customer', '我的快递三天没动了'],
    ]);
    expect(conversations[1]!.turns.map((t) => [t.role, t.text])).toEqual([
      ['customer', '耳機沒有聲音，\n訂單 TW-5521'],
      ['agent', '很抱歉，我們為您換貨。'],
    ]);
  });

  it('reads TSV with a role column and offsets in seconds', () => {
    const file = fx('calls.tsv');
    const { conversations } = parseCsv(read(file), file);
    expect(conversations[0]!.turns.map((t) => [t.role, t.text, t.start])).toEqual([
      ['agent', 'Good afternoon', 0],
      ['customer', 'Hi, my bill is wrong', 3.5],
    ]);
  });

  it('skips a file without a text column, listing the headers found and expected', () => {
    const file = fx('no-text.csv');
    const { conversations, skipped } = parseCsv(read(file), file);
    expect(conversations).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.source).toBe(file);
    expect(skipped[0]!.reason).toMatch(/^no text column \(headers found: "ticket", "who", "said"; expected one of: text, message, content, body/);
    expect(skipped[0]!.reason).toContain('内容');
  });

  it('lets --agent/--customer name speakers when there is no role column', () => {
    const text = 'chat_id,from,body\n1,Ana,Hello!\n1,Ken,Hi\n';
    expect(turnsOf(parseCsv(text, 'x.csv', { customer: ['ken'] }).conversations[0])).toEqual([
      'agent|Ana|Hello!',
      'customer|Ken|Hi',
    ]);
    const unknown = parseCsv(text, 'x.csv');
    expect(unknown.conversations).toEqual([]);
    expect(unknown.skipped.map((s) => s.reason)).toEqual([
      'unknown role for speaker Ana at x.csv:2 (name it with --agent or --customer)',
      'unknown role for speaker Ken at x.csv:3 (name it with --agent or --customer)',
      'conversation 1 has no usable turns (all 2 skipped)',
    ]);
  });

  it('carries a blank id forward and puts everything in one conversation without an id column', () => {
    const carried = parseCsv('ticket,role,text\nT1,agent,a\n,customer,b\nT2,agent,c\n', 'x.csv');
    expect(carried.conversations.map((c) => [c.id, c.turns.length])).toEqual([
      ['T1', 2],
      ['T2', 1],
    ]);
    const single = parseCsv('role,text\nagent,a\ncustomer,b\n', 'dir/export.csv');
    expect(single.conversations.map((c) => [c.id, c.turns.length])).toEqual([['export', 2]]);
  });

  it('skips the row an unclosed quote opens on and reads on from the next line', () => {
    const { conversations, skipped } = parseCsv('id,role,text\n1,agent,hello\n1,customer,"never closed\n1,agent,x\n1,customer,thanks\n', 'q.csv');
    expect(turnsOf(conversations[0])).toEqual(['agent||hello', 'agent||x', 'customer||thanks']);
    expect(conversations[0]!.turns.map((t) => t.source.line)).toEqual([2, 4, 5]);
    expect(skipped).toEqual([
      {
        source: 'q.csv:3',
        reason: 'bad CSV row: a quoted cell starting on this line is never closed; the line was skipped and reading went on with the next one',
      },
    ]);
  });

  it('checks every row against the header, also after an unclosed quote', () => {
    const { conversations, skipped } = parseCsv('id,role,text\n1,customer,"open\n1,agent,a,b\n1,agent,fine\n', 'q.csv');
    expect(turnsOf(conversations[0])).toEqual(['agent||fine']);
    // In line order: the recovery reports the unclosed quote before the rows it then reads.
    expect(skipped.map((s) => s.source)).toEqual(['q.csv:2', 'q.csv:3']);
    expect(skipped[1]!.reason).toBe('row has 4 cells, the header has 3');
  });

  it('sniffs a CSV header', () => {
    expect(csvAdapter.sniff('conversation_id,role,text\n1,agent,hi')).toBe(true);
    expect(csvAdapter.sniff('Agent: hi, how are you')).toBe(false);
  });
});
