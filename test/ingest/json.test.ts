import { describe, expect, it } from 'vitest';
import { jsonAdapter, parseJson } from '../../src/ingest/json.js';
import { fx, read, turnsOf } from './helpers.js';

describe('json: JSONL', () => {
  const file = fx('conversations.jsonl');
  const { conversations, skipped } = parseJson(read(file), file);

  it('keeps the good lines and ignores unknown fields', () => {
    expect(conversations.map((c) => c.id)).toEqual(['J-1', 'conversations#3', '5']);
    const [j1] = conversations;
    expect(j1).toEqual({
      id: 'J-1',
      agent: 'Maria',
      language: 'en',
      source: { file, line: 1, record: 1 },
      turns: [
        { index: 0, role: 'agent', speaker: 'Maria', text: 'Hi, how can I help?', start: 0, source: { file, line: 1, record: 1 } },
        { index: 1, role: 'customer', text: 'My order A-1001 was charged twice.', start: 4.5, end: 9, source: { file, line: 1, record: 1 } },
      ],
    });
  });

  it('maps user/assistant and upper-case roles, and language tags', () => {
    expect(turnsOf(conversations[1])).toEqual(['customer||我的订单还没到', 'agent||我理解您的心情，马上为您查询。']);
    expect(conversations[2]!.turns.map((t) => t.role)).toEqual(['bot', 'system']);
    expect(conversations[2]!.language).toBe('zh');
  });

  it('skips bad lines and bad turns, naming line, turn and what was expected', () => {
    expect(skipped).toEqual([
      {
        source: `${file}:2`,
        reason: expect.stringMatching(/^not valid JSON: .+ \(line 1, column \d+\); expected one conversation object per line$/),
      },
      { source: `${file}:3`, reason: `turn 3 of ${file}:3: unknown role "manager" (expected agent, customer, bot or system)` },
      { source: `${file}:3`, reason: `turn 4 of ${file}:3: empty turn` },
      { source: `${file}:3`, reason: `turn 5 of ${file}:3: no "text" string` },
      {
        source: `${file}:5`,
        reason: 'no "turns" array; expected {"id": ..., "turns": [{"role": "agent"|"customer"|"bot"|"system", "text": ...}]}',
      },
    ]);
  });
});

describe('json: documents', () => {
  it('reads an array, numbering records from 1', () => {
    const file = fx('array.json');
    const { conversations, skipped } = parseJson(read(file), file);
    expect(conversations.map((c) => [c.id, c.source])).toEqual([
      ['A-1', { file, record: 1 }],
      ['array#2', { file, record: 2 }],
    ]);
    expect(turnsOf(conversations[0])).toEqual(['customer||Is the store open on Sunday?', 'agent||Yes, 10 to 4.']);
    expect(skipped).toEqual([
      {
        source: `${file}#3`,
        reason: 'not a conversation object ("oops"); expected {"id": ..., "turns": [{"role": "agent"|"customer"|"bot"|"system", "text": ...}]}',
      },
    ]);
  });

  it('reads a single pretty-printed object', () => {
    const file = fx('single.json');
    const { conversations, skipped } = parseJson(read(file), file);
    expect(skipped).toEqual([]);
    expect(conversations.map((c) => [c.id, c.agent, c.turns.length])).toEqual([['S-1', 'Ana', 2]]);
  });

  it('reports a broken document once', () => {
    const { conversations, skipped } = parseJson('{\n  "id": "x",\n  "turns": [\n', 'broken.json');
    expect(conversations).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.source).toBe('broken.json');
    expect(skipped[0]!.reason).toMatch(/^not valid JSON: /);
  });

  it('reads a {"conversations": [...]} wrapper', () => {
    const { conversations } = parseJson('{"conversations": [{"id": "w", "turns": [{"role": "agent", "text": "hi"}]}]}', 'w.json');
    expect(conversations.map((c) => c.id)).toEqual(['w']);
  });

  it('sniffs JSON', () => {
    expect(jsonAdapter.sniff('  {"id": 1}')).toBe(true);
    expect(jsonAdapter.sniff('[{"id": 1}]')).toBe(true);
    expect(jsonAdapter.sniff('Agent: {hi}')).toBe(false);
  });
});
