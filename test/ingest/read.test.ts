import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { adapters, detectFormat } from '../../src/ingest/index.js';
import { readInputs } from '../../src/ingest/read.js';
import { fx, turnsOf } from './helpers.js';

describe('detectFormat', () => {
  it('goes by extension first, then by content', () => {
    expect(detectFormat('a.TSV', 'Agent: hi')).toBe('csv');
    expect(detectFormat('a.ndjson', '')).toBe('json');
    expect(detectFormat('a.log', '{"id":1}')).toBe('text');
    expect(detectFormat('export', '[{"id": 1, "turns": []}]')).toBe('json');
    expect(detectFormat('export', 'ticket_id,sender,message\n1,agent,hi')).toBe('csv');
    expect(detectFormat('export', 'Agent: hi')).toBe('text');
    expect(detectFormat('-', 'whatever')).toBe('text');
  });

  it('has one adapter per format, each naming its extensions', () => {
    expect(Object.keys(adapters).sort()).toEqual(['ccai', 'contact-lens', 'csv', 'json', 'srt', 'text', 'transcribe', 'vtt']);
    expect(adapters.vtt.extensions).toEqual(['.vtt']);
    expect(adapters.srt.extensions).toEqual(['.srt']);
    // Vendor JSON shares .json with heard's own and is told apart by its content.
    expect(adapters['contact-lens'].extensions).toEqual([]);
    expect(adapters.text.extensions).toEqual(['.txt', '.log']);
    expect(adapters.csv.extensions).toEqual(['.csv', '.tsv']);
    expect(adapters.json.extensions).toEqual(['.json', '.jsonl', '.ndjson']);
  });
});

describe('readInputs', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'heard-ingest-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('reads a directory recursively in sorted path order, picking known extensions only', async () => {
    const dir = fx('tree');
    const result = await readInputs([dir], {});
    expect(result.conversations.map((c) => [c.id, c.source.file])).toEqual([
      ['a-chat', join(dir, 'a-chat.txt')],
      ['B-1', join(dir, 'b-tickets.csv')],
      ['C-1', join(dir, 'nested', 'c-conv.jsonl')],
    ]);
    expect(turnsOf(result.conversations[1])).toEqual([
      'customer|customer|Second file first row',
      'agent|agent|Second file reply',
    ]);
    // README.md, notes.xyz and .hidden.txt are not read; d-broken.txt is read but not valid UTF-8.
    expect(result.filesRead).toBe(3);
    expect(result.skipped).toEqual([
      {
        source: join(dir, 'd-broken.txt'),
        reason: 'not valid UTF-8: invalid byte sequence at byte offset 13 (0xFF 0xFE 0x20 0x62); save the file as UTF-8',
      },
    ]);
  });

  it('reports invalid UTF-8 with the file and offset, strips a BOM, and goes on with the other files', async () => {
    const result = await readInputs([fx('invalid-utf8.txt'), fx('bom.txt'), fx('bom.csv')], {});
    expect(result.skipped).toEqual([
      {
        source: fx('invalid-utf8.txt'),
        reason: 'not valid UTF-8: invalid byte sequence at byte offset 26 (0xE9 0x20 0x61 0x75); save the file as UTF-8',
      },
    ]);
    expect(turnsOf(result.conversations[0])).toEqual([
      'agent|Agent|Hello, how can I help?',
      'customer|Customer|My order 3318 never arrived.',
    ]);
    // The BOM must not end up in the first CSV header ("ticket_id" still found).
    expect(result.conversations[1]!.id).toBe('T-9');
    expect(result.filesRead).toBe(2);
  });

  it('reports missing paths and keeps going', async () => {
    const missing = join(tmp, 'nope.txt');
    const result = await readInputs([missing, fx('bom.txt')], {});
    expect(result.skipped).toEqual([{ source: missing, reason: 'no such file or directory' }]);
    expect(result.conversations).toHaveLength(1);
  });

  // root reads everything, so this can only be checked as another user.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const file = join(tmp, 'locked.txt');
    writeFileSync(file, 'Agent: hi\n');
    chmodSync(file, 0o000);
    const result = await readInputs([file], {});
    expect(result.skipped).toEqual([{ source: file, reason: 'permission denied' }]);
  });

  it('survives symlink loops and reads each file once', async () => {
    const root = join(tmp, 'loop');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'sub', 'chat.txt'), 'Agent: hi\nCustomer: hello\n');
    symlinkSync(root, join(root, 'sub', 'back'), 'dir');
    symlinkSync(join(root, 'sub', 'chat.txt'), join(root, 'alias.txt'));
    const result = await readInputs([root, join(root, 'sub', 'chat.txt')], {});
    expect(result.conversations.map((c) => c.source.file)).toEqual([join(root, 'alias.txt')]);
    expect(result.filesRead).toBe(1);
    expect(result.skipped).toEqual([]);
  });

  it('reads "-" from stdin, sniffing the format', async () => {
    const stdin = Readable.from([Buffer.from('{"id": "in-1", "turns": [{"role": "customer", "text": "来自标准输入"}]}\n')]);
    const result = await readInputs(['-'], { stdin });
    expect(result.filesRead).toBe(1);
    expect(result.conversations.map((c) => [c.id, c.source.file, c.turns[0]!.text])).toEqual([
      ['in-1', '<stdin>', '来自标准输入'],
    ]);
  });

  it('uses --input-format over the extension', async () => {
    const file = join(tmp, 'export.txt');
    writeFileSync(file, 'ticket_id,sender,message\nX-1,agent,hello\n');
    const asCsv = await readInputs([file], { format: 'csv' });
    expect(asCsv.conversations.map((c) => c.id)).toEqual(['X-1']);
    const asText = await readInputs([file], {});
    expect(asText.conversations).toEqual([]);
    expect(asText.skipped[0]!.reason).toMatch(/^no "Speaker: text" lines found/);
  });

  it('turns an adapter that throws into a Skipped entry for that file only', async () => {
    // CSV is read as a stream (not through adapters.csv.parse): captions stand for the adapters read whole.
    const bad = join(tmp, 'bad.vtt');
    writeFileSync(bad, 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>hi\n');
    const original = adapters.vtt.parse;
    adapters.vtt.parse = () => {
      throw new Error('boom');
    };
    try {
      const result = await readInputs([bad, fx('bom.txt')], {});
      expect(result.skipped).toEqual([{ source: bad, reason: 'could not parse as vtt: boom' }]);
      expect(result.conversations).toHaveLength(1);
    } finally {
      adapters.vtt.parse = original;
    }
  });

  it('counts an empty file', async () => {
    const file = join(tmp, 'empty.txt');
    writeFileSync(file, '\n\n');
    expect(await readInputs([file], {})).toEqual({
      conversations: [],
      skipped: [{ source: file, reason: 'empty file' }],
      filesRead: 1,
      conversationsRead: 0,
      notices: [],
    });
  });
});
