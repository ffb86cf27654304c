// The BUILT binary on fixtures/broken/ plus what is too big or too odd to commit (made here at run time): a 50 MB
// turn, a conversation of 100,000 turns, a symlink loop, a file that is gone by the time it is read, a FIFO and,
// when not root, an unreadable file. The good files must be analysed, every bad item listed with its source
// and reason, and the run must end with exit 0 (exit 2 with --strict).
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, heard, ROOT } from '../report/run-heard.js';

interface Summary {
  conversations: number;
  read: number;
  analysed: number;
  skipped: { source: string; reason: string }[];
}
interface Report {
  summary: Summary;
  conversations: { id: string; source: string; turns: { text: string }[] }[];
}

const isRoot = process.getuid?.() === 0;
let dir: string;
let run: ReturnType<typeof heard>;
let report: Report;

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'heard-broken-'));
  cpSync(join(ROOT, 'fixtures/broken'), dir, { recursive: true });
  rmSync(join(dir, 'README.md'));
  // One customer turn of 50 MB (the "single 50 MB turn"), then an agent reply.
  writeFileSync(join(dir, 'huge-turn.txt'), `Customer: ${'my order is late '.repeat((50 * 1024 * 1024) / 17)}\nAgent: Sorry, I will resend it today.\n`);
  const turns = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'Agent: Let me check that for you.' : `Customer: Where is parcel ${i}?`));
  writeFileSync(join(dir, 'long-conversation.txt'), `${turns.join('\n')}\n`);
  symlinkSync('.', join(dir, 'loop')); // a directory that contains itself
  symlinkSync('loop-a', join(dir, 'loop-b.txt'));
  symlinkSync('loop-b.txt', join(dir, 'loop-a')); // two links pointing at each other
  symlinkSync(join(dir, 'deleted.txt'), join(dir, 'vanished.txt')); // listed, gone when read
  execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
  if (!isRoot) {
    writeFileSync(join(dir, 'locked.txt'), 'Agent: hi\nCustomer: hello\n');
    chmodSync(join(dir, 'locked.txt'), 0o000);
  }
  // The report is megabytes (10,000 turns): a file, not stdout, which spawnSync would cut at 1 MB.
  run = heard(['analyze', dir, '--out', `${dir}.json`]);
  report = JSON.parse(readFileSync(`${dir}.json`, 'utf8')) as Report;
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (dir) rmSync(`${dir}.json`, { force: true });
});

const reasonOf = (name: string): string | undefined => report.summary.skipped.find((s) => s.source.startsWith(join(dir, name)))?.reason;

describe('heard analyze on a folder of broken input', () => {
  it('exits 0 with no stack trace', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /u);
  });

  it('analyses the good files and the good parts of the broken ones', () => {
    const ids = report.conversations.map((c) => c.id).sort();
    // BR-1 to BR-4: good files and the good lines of the JSONL; BR-5, BR-6: the CSVs around their bad rows.
    expect(ids).toEqual(['BR-1', 'BR-2', 'BR-3', 'BR-4', 'BR-5', 'BR-6', 'huge-turn', 'long-conversation']);
    expect(report.summary.analysed).toBe(8);
    expect(report.summary.read).toBe(8);
    expect(report.summary.conversations).toBe(8);
  });

  it('lists every bad item with its file (and line) and what was wrong', () => {
    expect(reasonOf('truncated.json')).toMatch(/^not valid JSON: .* \(line 1, column \d+\)$/u);
    expect(reasonOf('jsonl-bad-line.jsonl:2')).toMatch(/^not valid JSON: .*; expected one conversation object per line$/u);
    expect(reasonOf('csv-unbalanced-quote.csv:3')).toMatch(/quoted cell starting on this line is never closed/u);
    expect(reasonOf('csv-column-count.csv:3')).toBe('row has 6 cells, the header has 4');
    expect(reasonOf('binary.txt')).toBe('a binary file, not text: NUL byte at byte offset 8');
    expect(reasonOf('zero-bytes.txt')).toBe('empty file');
    expect(reasonOf('deep-nesting.json')).toMatch(/^JSON nested more than 64 levels deep at line 1, column 65/u);
    expect(reasonOf('invalid-utf8.txt')).toMatch(/^not valid UTF-8: invalid byte sequence at byte offset 75/u);
    expect(reasonOf('huge-turn.txt:1')).toMatch(/^turn 1 of conversation huge-turn is 52428\d+ characters long: only the first 20000 were analysed \(--max-turn-chars 20000\)$/u);
    expect(reasonOf('long-conversation.txt:1')).toBe('conversation long-conversation has 100000 turns: turns 10001 to 100000 were not analysed (--max-turns 10000)');
    expect(reasonOf('loop-a')).toBe('too many levels of symbolic links');
    expect(reasonOf('loop-b.txt')).toBe('too many levels of symbolic links');
    expect(reasonOf('vanished.txt')).toBe('no such file or directory');
    expect(reasonOf('pipe.txt')).toBe('not a regular file (a FIFO, socket or device); not read');
    if (!isRoot) expect(reasonOf('locked.txt')).toBe('permission denied');
    expect(report.summary.skipped).toHaveLength(isRoot ? 14 : 15);
    // Each is also on stderr as it is found.
    for (const item of report.summary.skipped) expect(run.stderr).toContain(`heard: skipped ${item.source}: ${item.reason}`);
  });

  it('keeps what the guards cut out of the report', () => {
    const huge = report.conversations.find((c) => c.id === 'huge-turn')!;
    expect(huge.turns[0]!.text).toHaveLength(20_000);
    expect(report.conversations.find((c) => c.id === 'long-conversation')!.turns).toHaveLength(10_000);
  });

  it('--strict exits 2 after writing the report; the limits are flags', () => {
    const out = join(dir, 'strict.json');
    const strict = heard(['analyze', join(dir, 'good-chat.txt'), join(dir, 'zero-bytes.txt'), '--strict', '--max-turn-chars', '30', '--out', out]);
    expect(strict.status).toBe(2);
    // The two turns of good-chat.txt longer than 30 characters, and the empty file, in the order given.
    expect(strict.stderr).toContain('heard: --strict: 3 input item(s) skipped (listed above)');
    const written = JSON.parse(readFileSync(out, 'utf8')) as Report;
    expect(written.summary.skipped).toEqual([
      { source: `${join(dir, 'good-chat.txt')}:2`, reason: 'turn 1 of conversation BR-1 is 70 characters long: only the first 30 were analysed (--max-turn-chars 30)' },
      { source: `${join(dir, 'good-chat.txt')}:3`, reason: 'turn 2 of conversation BR-1 is 80 characters long: only the first 30 were analysed (--max-turn-chars 30)' },
      { source: join(dir, 'zero-bytes.txt'), reason: 'empty file' },
    ]);
    expect(written.conversations[0]!.turns.every((t) => t.text.length <= 30)).toBe(true);
    const clean = heard(['analyze', join(dir, 'good-chat.txt'), '--strict', '--max-turns', '2', '--format', 'json']);
    expect(clean.status).toBe(2);
    expect(clean.stderr).toContain('turns 3 to 3 were not analysed (--max-turns 2)');
    expect(heard(['analyze', join(dir, 'good-chat.txt'), '--strict', '--format', 'json']).status).toBe(0);
    expect(heard(['analyze', join(dir, 'good-chat.txt'), '--max-turns', '0']).status).toBe(2);
    const chars = heard(['analyze', join(dir, 'good-chat.txt'), '--strict', '--max-conversation-chars', '100', '--format', 'json']);
    expect(chars.status).toBe(2);
    expect(chars.stderr).toMatch(/conversation BR-1 has \d+ characters: turns 2 to 3 were not analysed \(--max-conversation-chars 100\)/u);
  });
});
