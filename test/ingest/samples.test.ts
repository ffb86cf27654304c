import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/ingest/read.js';

type Result = Awaited<ReturnType<typeof readInputs>>;

const dir = relative(process.cwd(), fileURLToPath(new URL('../../fixtures/samples', import.meta.url)));

describe('bundled samples (heard analyze fixtures/samples)', () => {
  let result: Result;
  beforeAll(async () => {
    result = await readInputs([dir], {});
  });

  it('read cleanly: every file, nothing skipped (README.md is not an input)', () => {
    expect(result.skipped).toEqual([]);
    expect(result.filesRead).toBe(5);
  });

  it('yield the documented conversations in path order, with their agents', () => {
    expect(result.conversations.map((c) => [c.id, c.agent ?? null])).toEqual([
      ['EN-1042', 'Maria'],
      ['EN-1077', 'Kevin'],
      ['EN-1103', 'Priya'],
      ['TW-3001', '小美'],
      ['ZH-2001', '小林'],
      ['ZH-2002', '阿强'],
      ['ZH-2003', '小美'],
      ['JS-501', 'Hannah'],
      ['JS-502', '小周'],
      ['TCK-3301', 'Daniel'],
      ['TCK-3318', 'Sofia'],
      ['TCK-3325', 'Daniel'],
    ]);
  });

  it('have only agent and customer turns, alternating sides at least once each', () => {
    for (const c of result.conversations) {
      const roles = new Set(c.turns.map((t) => t.role));
      expect([...roles].sort(), c.id).toEqual(['agent', 'customer']);
      expect(c.turns[0]!.text.length, c.id).toBeGreaterThan(0);
    }
  });

  it('carry the phrases the README promises', () => {
    const text = (id: string, role: string): string =>
      result.conversations
        .find((c) => c.id === id)!
        .turns.filter((t) => t.role === role)
        .map((t) => t.text)
        .join('\n');
    expect(text('EN-1077', 'agent')).toContain('As I said');
    expect(text('EN-1077', 'agent')).toContain('You should have');
    expect(text('ZH-2001', 'agent')).toContain('我理解您的心情');
    expect(text('ZH-2001', 'agent')).toMatch(/您是说.*对吗/);
    expect(text('ZH-2001', 'agent')).toContain('为您补发');
    expect(text('ZH-2002', 'agent')).toContain('这不归我们管');
    expect(text('ZH-2002', 'agent')).toContain('你自己看');
    expect(text('ZH-2001', 'customer')).toContain('20240306-77815');
  });
});
