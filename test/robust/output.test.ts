// Output safety: --out is replaced atomically (never half a report in place of last night's), a write that
// cannot happen is a clear message and exit 2, and a reader that stops early (`| head`) ends the run quietly.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOutput } from '../../src/cli/output.js';
import { HeardError } from '../../src/cli/errors.js';
import { BIN, ensureBuilt, heard, ROOT } from '../report/run-heard.js';

const SAMPLES = 'fixtures/samples';
const isRoot = process.getuid?.() === 0;
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'heard-out-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('--out writes a temporary file and renames it', () => {
  it('leaves the old report in place until the new one is complete, and no temporary file after', async () => {
    const dir = join(tmp, 'atomic');
    mkdirSync(dir);
    const file = join(dir, 'report.json');
    writeFileSync(file, 'last night');
    const output = openOutput(file);
    output.write('tonight, part 1; ');
    output.write('part 2');
    // The temporary file is opened asynchronously: wait until it is there, not for an arbitrary turn of the loop.
    const temporary = (): string[] => readdirSync(dir).filter((n) => n.endsWith('.tmp'));
    for (let i = 0; i < 500 && temporary().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 2));
    // Mid-write: the report a reader would open is still last night's.
    expect(readFileSync(file, 'utf8')).toBe('last night');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);
    await output.close();
    expect(readFileSync(file, 'utf8')).toBe('tonight, part 1; part 2');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('removes its temporary file when the report cannot be put in place', async () => {
    const dir = join(tmp, 'blocked');
    mkdirSync(join(dir, 'report.json'), { recursive: true }); // a directory where the report should go
    const output = openOutput(join(dir, 'report.json'));
    output.write('{}');
    const error = await output.close().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(HeardError);
    expect((error as Error).message).toBe(`cannot write ${join(dir, 'report.json')}: it is a directory`);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('keeps last night\'s report when tonight\'s run fails', () => {
    const file = join(tmp, 'kept.json');
    writeFileSync(file, 'last night');
    const run = heard(['analyze', join(ROOT, 'fixtures/broken/zero-bytes.txt'), '--out', file]);
    expect(run.status).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('last night');
  });
});

describe('a report that cannot be written', () => {
  it('--out in a directory that does not exist: exit 2 and a message naming it', () => {
    const run = heard(['analyze', SAMPLES, '--out', '/nonexistent-dir/x.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('heard: cannot write /nonexistent-dir/x.json: no such directory /nonexistent-dir\n');
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  // root may write anywhere a mode allows nothing, but not into sysfs.
  it.skipIf(isRoot && !existsSync('/sys'))('--out in a directory it may not write to: exit 2 and a message', () => {
    let dir = '/sys';
    if (!isRoot) {
      dir = join(tmp, 'read-only');
      mkdirSync(dir);
      chmodSync(dir, 0o555);
    }
    const run = heard(['analyze', SAMPLES, '--out', join(dir, 'report.md')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`heard: cannot write ${join(dir, 'report.md')}: permission denied in ${dir}\n`);
  });

  it.skipIf(!existsSync('/dev/full'))('stdout on a full disk: exit 2 and a message', async () => {
    const full = openSync('/dev/full', 'w');
    try {
      const { code, stderr } = await spawnHeard(['analyze', SAMPLES, '--format', 'json'], ['ignore', full, 'pipe']);
      expect(code).toBe(2);
      expect(stderr).toBe('heard: cannot write the report to stdout: no space left on the device\n');
    } finally {
      closeSync(full);
    }
  });
});

describe('stdout closed early (heard … | head)', () => {
  /** heard with a reader that leaves at once, or after the first chunk; its exit code and stderr. */
  async function readerLeaves(args: string[], afterFirstChunk = false): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    if (afterFirstChunk) await once(child.stdout, 'data');
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, stderr };
  }

  it('ends quietly, with no stack trace, keeping the exit code', async () => {
    // The reader is gone before the report is written (head -1 leaves as soon as it has its line): every
    // write of the report meets a closed pipe.
    const { code, stderr } = await readerLeaves(['analyze', SAMPLES, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('ends while results are still streaming from workers, when the reader leaves after the first line', async () => {
    // Enough JSONL output to fill the pipe, so a write is waiting for room when the reader goes.
    const corpus = join(tmp, 'many.jsonl');
    const turns = [
      { role: 'customer', text: 'My parcel never arrived and I am really upset about it!' },
      { role: 'agent', text: "I'm so sorry. So your parcel has not arrived? I've sent a replacement today." },
    ];
    writeFileSync(corpus, Array.from({ length: 2000 }, (_, i) => JSON.stringify({ id: `P-${i}`, turns })).join('\n'));
    const { code, stderr } = await readerLeaves(['analyze', corpus, '--format', 'jsonl', '--jobs', '2'], true);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('keeps a threshold\'s exit code', async () => {
    const { code, stderr } = await readerLeaves(['analyze', SAMPLES, '--format', 'table', '--fail-under', '100']);
    expect(stderr).toMatch(/^heard: overall score .* is below --fail-under 100\n$/u);
    expect(code).toBe(1);
  });
});

function spawnHeard(args: string[], stdio: ('ignore' | 'pipe' | number)[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: stdio as never, env: { ...process.env, NO_COLOR: '1' } });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}
