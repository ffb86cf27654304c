// The same input and config give byte-identical reports, in every format: whatever the order the file system
// lists a folder in, the time zone, the locale or the clock. Reports carry no timestamp (README, "Bad input
// and safety"), so SOURCE_DATE_EPOCH changes nothing either.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, ROOT } from '../report/run-heard.js';

const OUTS = ['report.json', 'report.jsonl', 'report.html', 'report.md', 'report.csv', 'report.junit.xml'];
let tmp: string;

beforeAll(() => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'heard-determinism-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Every format of one run over `inputs`, by output name, with the environment given. */
function reports(inputs: string[], outDir: string, env: Record<string, string>, extra: string[] = []): Record<string, Buffer> {
  mkdirSync(outDir, { recursive: true });
  const args = ['analyze', ...inputs, ...OUTS.flatMap((name) => ['--out', join(outDir, name)]), ...extra];
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  return Object.fromEntries(OUTS.map((name) => [name, readFileSync(join(outDir, name))]));
}

describe('byte-identical reports', () => {
  it('repeated runs, with other --jobs, time zone, locale and SOURCE_DATE_EPOCH, give the same bytes in every format', () => {
    // fixtures/broken adds skipped items to every format; fixtures/samples the analysed conversations.
    const inputs = ['fixtures/samples', 'fixtures/broken'];
    const first = reports(inputs, join(tmp, 'a'), { TZ: 'UTC', LANG: 'C' }, ['--jobs', '1']);
    const second = reports(inputs, join(tmp, 'b'), { TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8', SOURCE_DATE_EPOCH: '1700000000' }, ['--jobs', '3']);
    for (const name of OUTS) expect(second[name]!.equals(first[name]!), name).toBe(true);
  });

  it('whatever order the files were created in (and so listed in, on many file systems)', () => {
    const files: [string, string][] = [
      ['b-tickets.csv', readFileSync(join(ROOT, 'fixtures/samples/tickets-en.csv'), 'utf8')],
      ['a-chat.txt', readFileSync(join(ROOT, 'fixtures/samples/chat-en.txt'), 'utf8')],
      ['nested/c-lines.jsonl', readFileSync(join(ROOT, 'fixtures/samples/conversations.jsonl'), 'utf8')],
      ['d-zh.txt', readFileSync(join(ROOT, 'fixtures/samples/chat-zh.txt'), 'utf8')],
      ['e-empty.txt', ''],
    ];
    const input = join(tmp, 'input');
    const runIn = (order: [string, string][], out: string): Record<string, Buffer> => {
      rmSync(input, { recursive: true, force: true });
      mkdirSync(join(input, 'nested'), { recursive: true });
      for (const [name, text] of order) writeFileSync(join(input, name), text);
      return reports([input], join(tmp, out), {});
    };
    const forward = runIn(files, 'forward');
    const backward = runIn([...files].reverse(), 'backward');
    for (const name of OUTS) expect(backward[name]!.equals(forward[name]!), name).toBe(true);
    const report = JSON.parse(forward['report.json']!.toString('utf8')) as { conversations: { source: string }[] };
    const sources = report.conversations.map((c) => c.source.slice(input.length + 1).replace(/[:#]\d+$/u, ''));
    expect([...new Set(sources)]).toEqual(['a-chat.txt', 'b-tickets.csv', 'd-zh.txt', 'nested/c-lines.jsonl']);
  });
});
