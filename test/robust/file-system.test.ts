// What the file system does behind heard's back, made to happen on cue: a listing in any order, a file that is
// gone between the listing and the reading, a read that fails half-way through a run.
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readInputs } from '../../src/ingest/read.js';

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, readdir: vi.fn(actual.readdir) };
});
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, createReadStream: vi.fn(actual.createReadStream) };
});
const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
const actualFs = await vi.importActual<typeof import('node:fs')>('node:fs');

const tmp = mkdtempSync(join(tmpdir(), 'heard-fs-'));
const dir = join(tmp, 'export');
mkdirSync(join(dir, 'sub'), { recursive: true });
const FILES = ['a.txt', 'b.txt', 'c.jsonl', 'sub/d.txt', 'sub/e.csv'];
writeFileSync(join(dir, 'a.txt'), 'Customer: My parcel is late.\nAgent: I am sorry, I will check it now.\n');
writeFileSync(join(dir, 'b.txt'), 'Customer: I was charged twice.\nAgent: I will refund the second charge.\n');
writeFileSync(join(dir, 'c.jsonl'), '{"id": "C-1", "turns": [{"role": "customer", "text": "Hi"}, {"role": "agent", "text": "Hello"}]}\n');
writeFileSync(join(dir, 'sub', 'd.txt'), 'Customer: The app crashes.\nAgent: Please update it.\n');
writeFileSync(join(dir, 'sub', 'e.csv'), 'ticket_id,role,message\nE-1,customer,Where is my order?\nE-1,agent,It ships today.\n');

afterEach(() => {
  vi.mocked(fsp.readdir).mockImplementation(actual.readdir as never);
  vi.mocked(fs.createReadStream).mockImplementation(actualFs.createReadStream as never);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

describe('the order a directory is listed in', () => {
  it('changes nothing: files are read in sorted path order', async () => {
    const sorted = await readInputs([dir]);
    expect(sorted.conversations.map((c) => c.source.file)).toEqual(FILES.map((f) => join(dir, f)));
    // The listing reversed, then shuffled: the same result, to the last field.
    for (const reorder of [(names: string[]) => [...names].reverse(), (names: string[]) => [...names.filter((_, i) => i % 2), ...names.filter((_, i) => !(i % 2))]]) {
      vi.mocked(fsp.readdir).mockImplementation((async (path: string) => reorder((await actual.readdir(path)) as string[])) as never);
      expect(await readInputs([dir])).toEqual(sorted);
    }
  });
});

describe('files that go wrong mid-run', () => {
  it('a file deleted after the listing, and one whose read fails, are skipped; the others are read', async () => {
    // A stream that fails as it is read: the file is gone, or the disk fails half-way.
    const failing = (error: NodeJS.ErrnoException) => new Readable({ read() { this.destroy(error); } });
    vi.mocked(fs.createReadStream).mockImplementation(((path: string, ...rest: unknown[]) => {
      if (path === join(dir, 'b.txt')) return failing(errno('ENOENT', `no such file or directory, open '${path}'`));
      if (path === join(dir, 'sub', 'd.txt')) return failing(errno('EIO', `i/o error, read`));
      return (actualFs.createReadStream as (...a: unknown[]) => unknown)(path, ...rest);
    }) as never);
    const result = await readInputs([dir]);
    expect(result.skipped).toEqual([
      { source: join(dir, 'b.txt'), reason: 'no such file or directory' },
      { source: join(dir, 'sub', 'd.txt'), reason: 'EIO: i/o error, read' },
    ]);
    expect(result.conversations.map((c) => c.source.file)).toEqual(['a.txt', 'c.jsonl', 'sub/e.csv'].map((f) => join(dir, f)));
    expect(result.filesRead).toBe(3);
    expect(result.conversationsRead).toBe(3);
  });

  it('a directory that cannot be listed is skipped; its siblings are read', async () => {
    vi.mocked(fsp.readdir).mockImplementation((async (path: string) => {
      if (path === join(dir, 'sub')) throw errno('EACCES', 'permission denied');
      return actual.readdir(path);
    }) as never);
    const result = await readInputs([dir]);
    expect(result.skipped).toEqual([{ source: join(dir, 'sub'), reason: 'permission denied' }]);
    expect(result.conversations).toHaveLength(3);
  });
});
