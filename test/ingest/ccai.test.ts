import { describe, expect, it } from 'vitest';
import { parseCcai } from '../../src/ingest/ccai.js';
import { detectFormat } from '../../src/ingest/index.js';
import { readInputs } from '../../src/ingest/read.js';
import { fmt, gist, read } from './helpers.js';

describe('CCAI Insights conversation JSON', () => {
  it('reads as its plain-text twin: AUTOMATED_AGENT entries are bot turns, times in epoch seconds', async () => {
    const vendor = await readInputs([fmt('ccai-chat.json')]);
    const text = await readInputs([fmt('ccai-chat.txt')]);
    expect(vendor.skipped).toEqual([]);
    expect(vendor.conversations.map((c) => gist(c))).toEqual(text.conversations.map((c) => gist(c)));
    const c = vendor.conversations[0]!;
    expect(c.turns.map((t) => t.role)).toEqual(['bot', 'customer', 'bot', 'agent', 'customer', 'agent', 'customer']);
    expect(c.turns[1]!.start).toBe(1717423512.5);
  });

  it('is detected by its entries and start_timestamp_usec, even in a .json file', () => {
    expect(detectFormat('conv.json', read(fmt('ccai-chat.json')))).toBe('ccai');
    expect(detectFormat('conv.json', '{"id": "T-1", "turns": [{"role": "agent", "text": "entries"}]}')).toBe('json');
  });

  it('maps the Dialogflow role names too, and reports unknown ones', () => {
    const doc = {
      entries: [
        { text: 'Where is my refund?', role: 'END_USER', user_id: 2, start_timestamp_usec: 1_000_000 },
        { text: 'Let me look.', role: 'HUMAN_AGENT', user_id: 3, start_timestamp_usec: 4_000_000 },
        { text: '??', role: 'ROLE_UNSPECIFIED', user_id: 9, start_timestamp_usec: 5_000_000 },
      ],
    };
    const r = parseCcai(JSON.stringify(doc), 'conv.json', { agent: ['Lee'] });
    expect(r.conversations[0]!.turns.map((t) => `${t.role}|${t.start}`)).toEqual(['customer|1', 'agent|4']);
    expect(r.conversations[0]!.agent).toBe('Lee');
    expect(r.skipped).toEqual([
      { source: 'conv.json#3', reason: 'entry 3: unknown role "ROLE_UNSPECIFIED" (expected AGENT, AUTOMATED_AGENT, CUSTOMER or END_USER)' },
    ]);
  });
});
