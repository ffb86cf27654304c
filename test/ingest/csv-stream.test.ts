// CSV/TSV as a stream (src/ingest/csv.ts streamCsv, read by src/ingest/stream.ts): the encoding decided on every
// byte as decode() decides it whole, the text decoded chunk by chunk, and the rows grouped in two readings, each
// conversation handed on with its last row. What comes out must be what parseCsv gives for the whole text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { delimiterFor, lfChunks, parseCsv, streamCsv } from '../../src/ingest/csv.js';
import { decode, decodeChunks, probeEncoding } from '../../src/ingest/decode.js';
import { readInputs } from '../../src/ingest/read.js';
import { streamInputs } from '../../src/ingest/stream.js';
import type { StreamTotals } from '../../src/ingest/stream.js';
import type { Conversation, Skipped } from '../../src/model/conversation.js';
import { fmt, fx } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'heard-csv-stream-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A small seeded generator (mulberry32), so the files are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CUSTOMER = ['I was charged twice for order A-{n}.', 'Where is my parcel {n}? It is late AGAIN!!', '我的订单{n}还没到，怎么回事？', 'The app crashes, "every time" I open it,\nsince Monday.'];
const AGENT = ["I'm so sorry about that, I'll refund order A-{n} today.", 'Let me check the tracking for you.', '非常抱歉，我马上为您查询订单{n}。', 'So the app crashes on start? Please reinstall it.'];

interface Turn {
  id: string;
  cells: string[];
}

/** Conversations of 1 to `maxTurns` rows each, with a few rows that are bad on purpose. */
function conversations(count: number, maxTurns: number, seed: number): Turn[][] {
  const next = random(seed);
  const out: Turn[][] = [];
  for (let c = 0; c < count; c++) {
    const id = `C-${String(c).padStart(5, '0')}`;
    const agent = c % 3 === 0 ? 'Maria' : c % 3 === 1 ? '小林' : 'Lee';
    const rows: Turn[] = [];
    const turns = 1 + Math.floor(next() * maxTurns);
    for (let t = 0; t < turns; t++) {
      const customer = t % 2 === 0;
      const text = (customer ? CUSTOMER : AGENT)[Math.floor(next() * 4)]!.replace('{n}', String(c));
      const roll = next();
      if (roll < 0.01) rows.push({ id, cells: [id, agent, customer ? 'customer' : 'agent', text, '2024-03-01T10:00:00Z', 'extra cell'] });
      else if (roll < 0.02) rows.push({ id, cells: [id, agent, customer ? 'customer' : 'agent', '', '2024-03-01T10:00:00Z'] });
      else if (roll < 0.03) rows.push({ id, cells: [id, agent, 'someone', text, ''] });
      else rows.push({ id, cells: [id, agent, customer ? 'customer' : 'agent', text, `2024-03-01T10:${String(t % 60).padStart(2, '0')}:00Z`] });
    }
    out.push(rows);
  }
  return out;
}

const quote = (cell: string): string => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
const HEADER = 'conversation_id,agent,role,text,timestamp';

function csvOf(rows: Turn[], eol = '\n'): string {
  return `${HEADER}${eol}${rows.map((r) => r.cells.map(quote).join(',')).join(eol)}${eol}`;
}

/** Rows of the conversations one after another (as most exports sort them). */
const contiguous = (convs: Turn[][]): Turn[] => convs.flat();

/** Rows of the conversations interleaved, as in an export sorted by time: up to `open` conversations at once. */
function interleaved(convs: Turn[][], open: number, seed: number): Turn[] {
  const next = random(seed);
  const queue = convs.map((rows) => [...rows]);
  const live: Turn[][] = [];
  const out: Turn[] = [];
  while (queue.length || live.length) {
    while (live.length < open && queue.length) live.push(queue.shift()!);
    const i = Math.floor(next() * live.length);
    out.push(live[i]!.shift()!);
    if (live[i]!.length === 0) live.splice(i, 1);
  }
  return out;
}

async function stream(paths: string[], stdin?: AsyncIterable<Uint8Array>) {
  const totals: StreamTotals = { filesRead: 0, conversationsRead: 0, filesListed: 0, bytesListed: 0 };
  const conversations: Conversation[] = [];
  const skipped: Skipped[] = [];
  const notices: unknown[] = [];
  for await (const event of streamInputs(paths, stdin ? { stdin } : {}, totals)) {
    if (event.kind === 'conversation') conversations.push(event.conversation);
    else if (event.kind === 'skipped') skipped.push(event.item);
    else if (event.kind === 'notice') notices.push(event.notice);
  }
  return { conversations, skipped, notices, totals };
}

/** Conversations in the order of their last rows in `rows` (a row with a wrong cell count belongs to none). */
function byLastRow(list: Conversation[], rows: Turn[]): Conversation[] {
  const last = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.cells.length === 5) last.set(row.id, i);
  });
  return [...list].sort((a, b) => last.get(a.id)! - last.get(b.id)!);
}

const sorted = (items: Skipped[]): string[] => items.map((s) => JSON.stringify(s)).sort();

describe('CSV read as a stream gives what parseCsv gives for the whole text', () => {
  it('contiguous conversations: the same conversations and skipped items, in the same order', async () => {
    const file = join(tmp, 'contiguous.csv');
    const text = csvOf(contiguous(conversations(300, 12, 1)));
    writeFileSync(file, text);
    const whole = parseCsv(text, file);
    const streamed = await stream([file]);
    expect(whole.conversations.length).toBeGreaterThan(250);
    expect(whole.skipped.length).toBeGreaterThan(10);
    expect(streamed.conversations).toEqual(whole.conversations);
    expect(streamed.skipped).toEqual(whole.skipped);
    expect(streamed.totals.conversationsRead).toBe(whole.conversations.length + whole.skipped.filter((s) => /has no usable turns/.test(s.reason)).length);
  });

  it('interleaved conversations: the same conversations, each handed on with its last row', async () => {
    const file = join(tmp, 'interleaved.csv');
    const rows = interleaved(conversations(300, 12, 2), 25, 3);
    const text = csvOf(rows);
    writeFileSync(file, text);
    const whole = parseCsv(text, file);
    const streamed = await stream([file]);
    // Really interleaved: the whole-file order (first rows) is not the order of the last rows.
    expect(byLastRow(whole.conversations, rows).map((c) => c.id)).not.toEqual(whole.conversations.map((c) => c.id));
    expect(streamed.conversations).toEqual(byLastRow(whole.conversations, rows));
    expect(sorted(streamed.skipped)).toEqual(sorted(whole.skipped));
  });

  it('two ids that share a hash in the table of last rows: both conversations whole, the earlier one at the end', async () => {
    // c40998 and c702947 have the same 31-bit FNV-1a key.
    const file = join(tmp, 'collision.csv');
    const text = ['conversation_id,role,text', 'c40998,customer,Where is my refund?', 'c702947,customer,My card was charged twice.', "c40998,agent,I'll check the refund now.", 'c702947,agent,"I\'m sorry, I\'ll reverse the second charge."', 'c9,customer,Hello?'].join('\n');
    writeFileSync(file, text);
    const streamed = await stream([file]);
    expect(streamed.conversations.map((c) => [c.id, c.turns.length])).toEqual([['c702947', 2], ['c9', 1], ['c40998', 2]]);
    expect(sorted(streamed.skipped)).toEqual(sorted(parseCsv(text, file).skipped));
  });

  it('a multi-megabyte file (CRLF, many chunks) with an unclosed quote and 200 KB after it', async () => {
    const file = join(tmp, 'big.csv');
    const rows = interleaved(conversations(6000, 20, 4), 8, 5);
    // After the stray quote no cell is quoted, so it never closes: the row is skipped and reading goes on after it.
    const plain = conversations(1000, 6, 12).flat().filter((r) => !/[",\n]/.test(r.cells.join('')));
    plain.forEach((r) => (r.cells[0] = r.id = `P-${r.id}`));
    const text = `${csvOf(rows, '\r\n')}C-99999,Maria,customer,"this quote never closes,2024-03-01T10:00:00Z\r\n${csvOf(plain, '\r\n').split('\r\n').slice(1).join('\r\n')}`;
    writeFileSync(file, text);
    expect(text.length).toBeGreaterThan(4_000_000);
    const whole = parseCsv(text, file);
    const streamed = await stream([file]);
    expect(whole.skipped.filter((s) => /quoted cell starting on this line is never closed/.test(s.reason))).toHaveLength(1);
    expect(whole.conversations.filter((c) => c.id.startsWith('P-')).length).toBeGreaterThan(100);
    expect(streamed.conversations).toEqual(byLastRow(whole.conversations, [...rows, ...plain]));
    expect(sorted(streamed.skipped)).toEqual(sorted(whole.skipped));
    expect(streamed.skipped).toHaveLength(whole.skipped.length);
  });

  it('hands the first conversations on before the file has been read to its end', async () => {
    const file = join(tmp, 'early.csv');
    writeFileSync(file, csvOf(contiguous(conversations(4000, 10, 6))));
    const totals: StreamTotals = { filesRead: 0, conversationsRead: 0, filesListed: 0, bytesListed: 0 };
    let readAtFirst: number | undefined;
    for await (const event of streamInputs([file], {}, totals)) {
      if (event.kind === 'conversation' && readAtFirst === undefined) readAtFirst = totals.bytesRead ?? 0;
    }
    expect(totals.bytesListed).toBeGreaterThan(1_000_000);
    expect(readAtFirst).toBeLessThan(totals.bytesListed / 4);
    expect(totals.bytesRead).toBe(totals.bytesListed);
  });

  it('keeps the conversation of a file without an id column whole, and carries a blank id forward', async () => {
    const single = join(tmp, 'export.csv');
    writeFileSync(single, 'role,text\nagent,a\ncustomer,b\n');
    const carried = join(tmp, 'carried.csv');
    writeFileSync(carried, 'ticket,role,text\nT1,agent,a\n,customer,b\nT2,agent,c\n,customer,d\nT1,agent,e\n');
    const streamed = await stream([single, carried]);
    expect(streamed.conversations.map((c) => [c.id, c.turns.map((t) => t.text).join('')])).toEqual([
      ['export', 'ab'],
      ['T2', 'cd'],
      ['T1', 'abe'],
    ]);
  });

  it('reports a header without a text column, a file of blanks and a header alone as parseCsv and readWhole do', async () => {
    const noText = join(tmp, 'no-text.csv');
    writeFileSync(noText, 'ticket,who,said\n1,agent,"x\n2,agent,y,z\n');
    const blank = join(tmp, 'blank.csv');
    writeFileSync(blank, ' \r\n\t\n   ');
    const header = join(tmp, 'header.csv');
    writeFileSync(header, 'id,role,text\n');
    const streamed = await stream([noText, blank, header]);
    expect(streamed.conversations).toEqual([]);
    expect(streamed.skipped).toEqual([
      parseCsv(readFileSync(noText, 'utf8'), noText).skipped[0],
      { source: blank, reason: 'empty file' },
      { source: header, reason: 'no conversation found (read as csv)' },
    ]);
    expect(streamed.skipped[0]!.reason).toMatch(/^no text column/);
  });

  it('reads CSV from stdin (spooled to a temporary file, removed after) as it reads the file', async () => {
    const rows = interleaved(conversations(200, 8, 7), 10, 8);
    const text = csvOf(rows);
    const bytes = Buffer.from(text);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 1000) chunks.push(bytes.subarray(i, i + 1000));
    const spoolsBefore = readdirSync(tmpdir()).filter((n) => n.startsWith('heard-stdin-')).length;
    const streamed = await stream(['-'], Readable.from(chunks));
    const whole = parseCsv(text, '<stdin>');
    expect(streamed.conversations).toEqual(byLastRow(whole.conversations, rows));
    expect(sorted(streamed.skipped)).toEqual(sorted(whole.skipped));
    expect(streamed.conversations[0]!.source.file).toBe('<stdin>');
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('heard-stdin-')).length).toBeLessThanOrEqual(spoolsBefore);
  });
});

describe('streamCsv', () => {
  /** A text in chunks of `size` characters, from its start each time it is asked for. */
  const chunked = (text: string, size: number) => () => {
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
    return lfChunks(Readable.from(chunks));
  };

  async function events(text: string, size: number, maxRecordBytes?: number) {
    const out: string[] = [];
    for await (const e of streamCsv(chunked(text, size), 'x.csv', delimiterFor('x.csv', text.split('\n', 1)[0]!), {}, maxRecordBytes)) {
      out.push(e.kind === 'conversation' ? `${e.conversation.id}: ${e.conversation.turns.map((t) => `${t.source.line}|${t.text}`).join(' / ')}` : `${e.item.source} ${e.item.reason}`);
    }
    return out;
  }

  it('gives the same events whatever the chunks, a CR of a CRLF at the end of one included', async () => {
    const text = 'id,role,text\r\n1,customer,"two\r\nlines"\r\n2,agent,a\r\n1,agent,"b, c"\r\n2,customer,\r\n1,x,y,z\r\n';
    const expected = await events(text, text.length);
    expect(expected).toEqual([
      'x.csv:7 row has 4 cells, the header has 3',
      '1: 2|two\nlines / 5|b, c',
      'x.csv:6 row has no text',
      '2: 4|a',
    ]);
    for (const size of [1, 2, 3, 5, 8, 13]) expect(await events(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it('skips a record longer than the limit (a quote that closes too far on) and reads on with the next line', async () => {
    const text = `id,role,text\n1,customer,"opens here\n${'2,agent,plain reply\n'.repeat(50)}1,agent,closes" here\n3,agent,after\n`;
    // Read whole (or with the real limit), the quote closes 52 lines on: one turn of 52 lines.
    expect(parseCsv(text, 'x.csv').conversations.map((c) => [c.id, c.turns.length, c.turns[0]!.text.split('\n').length])).toEqual([
      ['1', 1, 52],
      ['3', 1, 1],
    ]);
    const capped = await events(text, 7, 200);
    expect(capped).toEqual([
      'x.csv:2 bad CSV row: a record starting on this line is longer than 200 bytes (a quoted cell never closed?); the line was skipped and reading went on with the next one',
      `2: ${Array.from({ length: 50 }, (_, i) => `${i + 3}|plain reply`).join(' / ')}`,
      '1: 53|closes" here',
      '3: 54|after',
    ]);
  });
});

describe('encodings decided and decoded as a stream', () => {
  const gbkOf = (text: string): Buffer => {
    // Node has no GBK encoder: the characters used here, from a table of their GB2312 codes.
    const codes: Record<string, number[]> = { 会: [0xbb, 0xe1], 话: [0xbb, 0xb0], 客: [0xbf, 0xcd], 服: [0xb7, 0xfe], 您: [0xc4, 0xfa], 好: [0xba, 0xc3], 订: [0xb6, 0xa9], 单: [0xb5, 0xa5], 角: [0xbd, 0xc7], 色: [0xc9, 0xab], 内: [0xc4, 0xda], 容: [0xc8, 0xdd], 户: [0xbb, 0xa7] };
    return Buffer.concat([...text].map((ch) => (codes[ch] ? Buffer.from(codes[ch]!) : Buffer.from(ch, 'latin1'))));
  };

  it('decodes GB18030 split inside a two-byte character as the whole does, at every split', async () => {
    const bytes = gbkOf('会话,角色,内容\n1,客户,订单您好\n1,客服,您好\n');
    const whole = decode(bytes);
    expect(whole).toMatchObject({ ok: true, encoding: 'gb18030' });
    for (let at = 1; at < bytes.length; at++) {
      const chunks = [bytes.subarray(0, at), bytes.subarray(at)];
      expect(await probeEncoding(() => Readable.from(chunks))).toEqual({ ok: true, encoding: 'gb18030' });
      let text = '';
      for await (const piece of decodeChunks(Readable.from(chunks), 'gb18030')) text += piece;
      expect(text).toBe(whole.ok ? whole.text : '');
    }
  });

  it('reads a GB18030 CSV file whose 64 KB chunk boundary falls inside a character, as its UTF-8 twin', async () => {
    const parts = [gbkOf('会话,角色,内容\n')];
    let size = parts[0]!.length;
    for (let i = 0; size < 50_000; i++) {
      parts.push(gbkOf(`${i},客户,订单${i}您好\n${i},客服,您好\n`));
      size += parts.at(-1)!.length;
    }
    // Row y's text is padded with ASCII so that the two bytes of 订 are bytes 65535 and 65536 (file chunks are 64 KB).
    const start = gbkOf('y,客户,');
    const pad = 'x'.repeat(65535 - size - start.length);
    const straddle = Buffer.concat([...parts, start, Buffer.from(pad), gbkOf('订单\ny,客服,您好\n')]);
    expect([straddle[65535], straddle[65536]]).toEqual([0xb6, 0xa9]); // 订
    const file = join(tmp, 'straddle.csv');
    writeFileSync(file, straddle);
    const decoded = decode(straddle);
    const twin = join(tmp, 'straddle-utf8.csv');
    writeFileSync(twin, decoded.ok ? decoded.text : '');
    const [gb, utf8] = [await readInputs([file]), await readInputs([twin])];
    expect(gb.notices).toEqual([{ source: file, message: 'read as GB18030 (not UTF-8)' }]);
    const strip = (r: typeof gb): unknown => r.conversations.map((c) => ({ ...c, source: null, turns: c.turns.map((t) => ({ ...t, source: t.source.line })) }));
    expect(strip(gb)).toEqual(strip(utf8));
    expect(gb.conversations.at(-1)!.turns[0]!.text).toBe(`${pad}订单`);
  });

  it('decides as decode() does for every fixture, whatever the chunk size', async () => {
    const files = [
      fmt('zh-platform-gb18030.csv'),
      fx('broken-gb18030.csv'),
      fx('broken-utf8-zh.txt'),
      fx('broken-utf16.vtt'),
      fx('support-call-utf16le.vtt'),
      fx('bom.csv'),
      fx('zh.csv'),
    ];
    for (const path of files) {
      const bytes = readFileSync(path);
      const expected = decode(bytes);
      const decision = expected.ok ? { ok: true, encoding: expected.encoding } : expected;
      for (const size of [1, 2, 3, 5, 7, 64, 100_000]) {
        const chunks: Buffer[] = [];
        for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
        expect(await probeEncoding(() => Readable.from(chunks)), `${path} in chunks of ${size}`).toEqual(decision);
      }
    }
  });

  it('reports a damaged byte deep in a large file at its offset, as decode() does', async () => {
    const text = Buffer.from(csvOf(contiguous(conversations(2000, 6, 10))));
    const at = text.length - 1000;
    const bad = Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
    const file = join(tmp, 'damaged.csv');
    writeFileSync(file, bad);
    const expected = decode(bad);
    expect(expected.ok).toBe(false);
    const streamed = await stream([file]);
    expect(streamed.conversations).toEqual([]);
    expect(streamed.skipped).toEqual([{ source: file, reason: expected.ok ? '' : expected.reason }]);
    expect(streamed.skipped[0]!.reason).toContain(`byte offset ${at} `);
  });

  it('reads a UTF-16LE CSV (BOM, CRLF) as its UTF-8 text', async () => {
    const text = csvOf(contiguous(conversations(500, 6, 11)), '\r\n');
    const file = join(tmp, 'wide.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const streamed = await stream([file]);
    const whole = parseCsv(text, file);
    expect(streamed.notices).toEqual([{ source: file, message: 'read as UTF-16LE (not UTF-8)' }]);
    expect(streamed.conversations).toEqual(whole.conversations);
    expect(streamed.skipped).toEqual(whole.skipped);
  });
});
