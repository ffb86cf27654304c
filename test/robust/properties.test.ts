// Property-based tests (fast-check): whatever bytes or text arrive, no parser and not the analyzer throws, and
// every conversation generated into an input is either analysed or accounted for in `skipped`.
// Run counts are kept modest so the whole suite stays fast on 2 cores; a failure prints its seed and the
// shrunk counterexample, and `fc.assert(..., { seed, path })` replays it.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/analyze.js';
import { adapters } from '../../src/ingest/index.js';
import { parseContent } from '../../src/ingest/files.js';
import { readInputs } from '../../src/ingest/read.js';
import { INPUT_FORMATS } from '../../src/ingest/types.js';
import type { InputFormat } from '../../src/ingest/types.js';
import type { Conversation, ParseResult, Role } from '../../src/model/conversation.js';

const ROOT = new URL('../../', import.meta.url);
const text = (path: string): string => readFileSync(new URL(path, ROOT), 'utf8');

/** A well-formed example of each format, for mutation. */
const SEEDS: Record<InputFormat, string> = {
  text: text('fixtures/samples/chat-en.txt'),
  csv: text('fixtures/samples/tickets-en.csv'),
  json: text('fixtures/samples/conversations.jsonl'),
  'contact-lens': text('fixtures/formats/contact-lens-voice.json'),
  transcribe: text('fixtures/formats/transcribe-call.json'),
  ccai: text('fixtures/formats/ccai-chat.json'),
  vtt: text('fixtures/formats/support-call.vtt'),
  srt: text('fixtures/formats/card-call.srt'),
};

/** What every parse result must look like, however bad the input: usable conversations and reasons. */
function expectWellFormed(result: ParseResult): void {
  for (const c of result.conversations) {
    expect(c.turns.length).toBeGreaterThan(0);
    c.turns.forEach((t, i) => {
      expect(t.index).toBe(i);
      expect(t.text.trim()).not.toBe('');
      expect(['agent', 'customer', 'bot', 'system']).toContain(t.role);
    });
  }
  for (const s of result.skipped) {
    expect(s.source).not.toBe('');
    expect(s.reason).not.toBe('');
  }
}

/** Text that goes wrong in the ways exports do: cut short, spliced, with junk and stray markup inserted. */
function mutated(seed: string): fc.Arbitrary<string> {
  const junk = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\n', '\r\n', '-->', '<v ', '\uFEFF', '\u0000', '===', 'Agent:', '客服：', '\uD800'),
  );
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), what: junk }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 6 }).map((steps) =>
    steps.reduce((s, m) => {
      const at = s.length ? m.at % s.length : 0;
      switch (m.kind) {
        case 'cut':
          return s.slice(0, at);
        case 'insert':
          return s.slice(0, at) + m.what + s.slice(at);
        case 'delete':
          return s.slice(0, at) + s.slice(at + m.length);
        case 'repeat':
          return s.slice(0, at + m.length) + s.slice(at);
      }
    }, seed),
  );
}

describe('every parser, on any input', () => {
  it.each(INPUT_FORMATS)('%s: random text never throws and yields well-formed results', (format) => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (input) => {
        expectWellFormed(adapters[format].parse(input, 'random.x', {}));
      }),
      { numRuns: 150 },
    );
  });

  it.each(INPUT_FORMATS)('%s: mutated real input never throws and yields well-formed results', (format) => {
    fc.assert(
      fc.property(mutated(SEEDS[format]), (input) => {
        expectWellFormed(adapters[format].parse(input, 'mutated.x', {}));
      }),
      { numRuns: 150 },
    );
  });

  it('detection plus parsing (parseContent) never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), ...Object.values(SEEDS).map(mutated)), (input) => {
        const result = parseContent(input, 'any', {});
        expectWellFormed(result);
        // A file never passes without a trace: it gives a conversation or a reason.
        expect(result.conversations.length + result.skipped.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('readInputs, on arbitrary bytes', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'heard-fuzz-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let run = 0;

  it('accounts for every file: it gives conversations or is listed as skipped', async () => {
    const names = ['a.txt', 'b.csv', 'c.json', 'd.jsonl', 'e.vtt', 'f.srt', 'g.log'];
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      ...Object.values(SEEDS).map((seed) => mutated(seed).map((s) => new Uint8Array(Buffer.from(s, 'utf8')))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(bytes, { minLength: 1, maxLength: names.length }), async (contents) => {
        const dir = join(tmp, `run-${run++}`);
        mkdirSync(dir);
        const files = contents.map((b, i) => {
          const file = join(dir, names[i]!);
          writeFileSync(file, b);
          return file;
        });
        const result = await readInputs([dir], {});
        expectWellFormed(result);
        for (const file of files) {
          const used = result.conversations.some((c) => c.source.file === file);
          const listed = result.skipped.some((s) => s.source === file || s.source.startsWith(`${file}:`) || s.source.startsWith(`${file}#`));
          expect(used || listed, `${file} is neither analysed nor skipped`).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

// Generated conversations, written out in a format and read back: every one is analysed or skipped, turn by turn.
const WORD = fc.constantFrom('order', 'refund', 'late', 'sorry', 'help', 'card', '订单', '退款', '谢谢', '🙂', 'x', '   ');
const TURN = fc.record({
  role: fc.constantFrom<Role | 'nobody'>('agent', 'customer', 'bot', 'nobody'),
  text: fc.array(WORD, { maxLength: 8 }).map((w) => w.join(' ')),
});
const CONVERSATIONS = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^[A-Z]{1,3}-\d{1,4}$/), turns: fc.array(TURN, { maxLength: 6 }) }),
  { minLength: 1, maxLength: 8, selector: (c) => c.id },
);
type Generated = { id: string; turns: { role: Role | 'nobody'; text: string }[] };

/**
 * Conservation, per generated conversation: it is analysed with exactly its usable turns and each unusable turn
 * is a skipped item, or it is skipped whole — and a line the test broke on purpose is skipped with its line.
 */
function expectConserved(generated: Generated[], result: ParseResult, lineOf: (i: number) => string, broken: Set<number>): void {
  generated.forEach((g, i) => {
    const at = lineOf(i);
    const skippedHere = result.skipped.filter((s) => s.source === at);
    if (broken.has(i)) {
      expect(skippedHere.length, `broken record ${at}`).toBe(1);
      expect(result.conversations.some((c) => c.id === g.id)).toBe(false);
      return;
    }
    const usable = g.turns.filter((t) => t.role !== 'nobody' && t.text.trim() !== '').length;
    const analysed = result.conversations.find((c) => c.id === g.id);
    if (usable === 0) {
      expect(analysed).toBeUndefined();
      expect(skippedHere.some((s) => s.reason.startsWith(`conversation ${g.id} has no`))).toBe(true);
    } else {
      expect(analysed?.turns.length, `${g.id}`).toBe(usable);
    }
    expect(skippedHere.filter((s) => s.reason.startsWith('turn ')).length).toBe(g.turns.length - usable);
  });
}

describe('count conservation: generated conversations are analysed or skipped, never lost', () => {
  it('JSONL, with some lines broken', () => {
    fc.assert(
      fc.property(CONVERSATIONS, fc.array(fc.nat(), { maxLength: 3 }), (generated, breaks) => {
        const broken = new Set(breaks.map((b) => b % generated.length));
        const lines = generated.map((g, i) => {
          const line = JSON.stringify({ id: g.id, turns: g.turns.map((t) => (t.role === 'nobody' ? { text: t.text } : t)) });
          return broken.has(i) ? line.slice(0, line.length - 2) : line;
        });
        const result = parseContent(`${lines.join('\n')}\n`, 'gen.jsonl', {});
        expectConserved(generated, result, (i) => `gen.jsonl:${i + 1}`, broken);
      }),
      { numRuns: 200 },
    );
  });

  it('a JSON array', () => {
    fc.assert(
      fc.property(CONVERSATIONS, (generated) => {
        const doc = generated.map((g) => ({ id: g.id, turns: g.turns.map((t) => (t.role === 'nobody' ? { text: t.text } : t)) }));
        const result = parseContent(JSON.stringify(doc, null, 2), 'gen.json', {});
        expectConserved(generated, result, (i) => `gen.json#${i + 1}`, new Set());
      }),
      { numRuns: 150 },
    );
  });

  it('the analyzer analyses every conversation it is given, whatever the text', async () => {
    const analyzer = await createAnalyzer();
    const anyText = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }), fc.array(WORD, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')));
    const conversationArb = fc
      .array(fc.record({ role: fc.constantFrom<Role>('agent', 'customer', 'bot', 'system'), text: anyText, start: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }) }), { minLength: 1, maxLength: 10 })
      .map((turns): Conversation => ({
        id: 'P-1',
        source: { file: 'p.txt' },
        turns: turns.map((t, index) => ({ index, role: t.role, text: t.text.trim() || 'x', source: { file: 'p.txt', line: index + 1 }, ...(t.start === undefined ? {} : { start: t.start, end: t.start + 1 }) })),
      }));
    fc.assert(
      fc.property(conversationArb, (conversation) => {
        const result = analyzer.analyzeConversation(conversation);
        expect(result.turns).toHaveLength(conversation.turns.length);
        if (result.score !== null) expect(result.score).toBeGreaterThanOrEqual(0);
        if (result.score !== null) expect(result.score).toBeLessThanOrEqual(100);
        expect(() => JSON.stringify(result)).not.toThrow();
      }),
      { numRuns: 40 },
    );
  });
});
