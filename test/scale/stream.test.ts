// The streaming reader (src/ingest/stream.ts) gives what readInputs gives — conversations, skipped items with
// their file:line, notices, counts — and reads JSONL line by line, from files and from stdin.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/read.js';
import { streamInputs } from '../../src/ingest/stream.js';
import type { StreamTotals } from '../../src/ingest/stream.js';
import type { IngestOptions } from '../../src/ingest/types.js';

const tmp = mkdtempSync(join(tmpdir(), 'heard-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function collect(paths: string[], options: IngestOptions = {}) {
  const totals: StreamTotals = { filesRead: 0, conversationsRead: 0, filesListed: 0, bytesListed: 0 };
  const conversations = [];
  const skipped = [];
  const notices = [];
  for await (const event of streamInputs(paths, options, totals)) {
    if (event.kind === 'conversation') conversations.push(event.conversation);
    else if (event.kind === 'skipped') skipped.push(event.item);
    else if (event.kind === 'notice') notices.push(event.notice);
  }
  return { conversations, skipped, notices, filesRead: totals.filesRead, conversationsRead: totals.conversationsRead };
}

describe('streamInputs', () => {
  it.each([['fixtures/samples'], ['fixtures/ingest'], ['fixtures/formats'], ['fixtures/broken'], ['fixtures/report']])('reads %s as readInputs does', async (dir) => {
    const streamed = await collect([dir]);
    const whole = await readInputs([dir]);
    expect(streamed.conversations).toEqual(whole.conversations);
    expect(new Set(streamed.skipped.map((s) => JSON.stringify(s)))).toEqual(new Set(whole.skipped.map((s) => JSON.stringify(s))));
    expect(streamed.skipped).toHaveLength(whole.skipped.length);
    expect(streamed.notices).toEqual(whole.notices);
    expect(streamed.filesRead).toBe(whole.filesRead);
    expect(streamed.conversationsRead).toBe(whole.conversationsRead);
  });

  it('reads JSONL line by line with the line numbers, bad lines skipped, CRLF, a BOM and blank lines', async () => {
    const good = (id: string) => JSON.stringify({ id, turns: [{ role: 'customer', text: 'Where is my parcel?' }, { role: 'agent', text: 'Let me check.' }] });
    const file = join(tmp, 'mixed.jsonl');
    writeFileSync(file, `\uFEFF${good('A')}\r\n\r\n{not json\r\n${good('B')}\r\n{"id": "C"}\r\n`);
    const streamed = await collect([file]);
    expect(streamed).toEqual({ ...(await readInputs([file])), notices: [] } as unknown as typeof streamed);
    expect(streamed.conversations.map((c) => [c.id, c.source.line])).toEqual([['A', 1], ['B', 4]]);
    expect(streamed.skipped.map((s) => s.source)).toEqual([`${file}:3`, `${file}:5`]);
  });

  it('reads JSONL from stdin as it arrives, in small chunks split anywhere, multi-byte characters included', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: `Z-${i}`, language: 'zh', turns: [{ role: 'customer', text: `我的订单${i}还没到！` }, { role: 'agent', text: '非常抱歉，我马上为您查询。' }] }));
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    const chunks = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const streamed = await collect(['-'], { stdin: Readable.from(chunks) });
    const whole = await readInputs(['-'], { stdin: Readable.from([bytes]) });
    expect(streamed.conversations).toEqual(whole.conversations);
    expect(streamed.conversations).toHaveLength(50);
  });

  it('yields the first conversations before the input has ended', async () => {
    const line = JSON.stringify({ id: 'first', turns: [{ role: 'customer', text: 'Hello?' }, { role: 'agent', text: 'Hi.' }] });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* stdin() {
      yield Buffer.from(`${line}\n${line.replace('first', 'second')}\n`);
      await gate; // the rest never comes until the first conversation was seen
      yield Buffer.from(`${line.replace('first', 'third')}\n`);
    }
    const seen: string[] = [];
    for await (const event of streamInputs(['-'], { stdin: stdin() })) {
      if (event.kind !== 'conversation') continue;
      seen.push(event.conversation.id);
      if (event.conversation.id === 'first') release();
    }
    expect(seen).toEqual(['first', 'second', 'third']);
  });

  it('keeps a one-line JSON document whole ({"conversations": [...]})', async () => {
    const file = join(tmp, 'one.json');
    writeFileSync(file, JSON.stringify({ conversations: [{ id: 'X', turns: [{ role: 'customer', text: 'Hi' }, { role: 'agent', text: 'Hello' }] }] }));
    expect((await collect([file])).conversations.map((c) => c.id)).toEqual(['X']);
  });
});
