import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analyzer } from '../../src/analyze.js';
import {
  evaluateFile,
  formatEvaluation,
  lineToConversation,
  restorePositions,
  textTable,
  truncate,
} from '../../src/calibrate/run.js';
import { checkTargets, formatTargets, TARGETS } from '../../src/calibrate/targets.js';
import type { Conversation } from '../../src/model/conversation.js';
import type { Move } from '../../src/model/analysis.js';
import { result, turn } from './helpers.js';

/** A toy analyzer: keyword moves per agent turn; solution status from whether any agent turn offers one. */
const fake: Analyzer = {
  analyzeConversation(c: Conversation) {
    if (c.id === 'boom') throw new Error('kaboom');
    const turns = c.turns.map((t) => {
      const moves: Move[] = [];
      if (t.role === 'agent') {
        if (/sorry/i.test(t.text)) moves.push('acknowledgement', 'apology');
        if (/\bwhat\b/i.test(t.text)) moves.push('open_question');
        if (/\btry\b/i.test(t.text)) moves.push('solution');
      }
      return turn(t.index, t.role, t.text, moves);
    });
    const solved = turns.some((t) => t.moves.includes('solution'));
    return result(c.id, turns, { solution: solved ? 'present' : 'missing' }, { score: c.turns.length * 10 });
  },
};

const line = (x: unknown) => JSON.stringify(x);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'heard-calibrate-'));
  writeFileSync(
    join(dir, 'cs-dev-en.jsonl'),
    [
      line({
        id: 'a',
        agent: 'x',
        turns: [
          { role: 'customer', text: 'My card was charged twice!' },
          { role: 'agent', text: 'Sorry about that. Try the refund form.' },
        ],
        gold: { turns: { '1': ['acknowledgement', 'apology', 'solution'] }, conversation: { solution: 'present' } },
      }),
      '',
      '{not json',
      line({
        id: 'b',
        turns: [
          { role: 'customer', text: '' },
          { role: 'customer', text: 'App crashes.' },
          { role: 'agent', text: 'What phone do you use?' },
        ],
        gold: { turns: { '2': ['open_question'] }, conversation: { solution: 'missing' } },
      }),
      line({ id: 'boom', turns: [{ role: 'customer', text: 'x' }], gold: { turns: {} } }),
      line({ id: 'c', turns: [{ role: 'narrator', text: 'x' }], gold: { turns: {} } }),
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'esconv-dev.jsonl'),
    [
      line({
        id: 'e1',
        turns: [
          { role: 'customer', text: 'I lost my job.' },
          { role: 'agent', text: 'What happened?' },
        ],
        gold: { turn: 1, strategy: 'Questions' },
      }),
      line({
        id: 'e2',
        turns: [
          { role: 'customer', text: 'I lost my job.' },
          { role: 'agent', text: 'Try applying again.' },
        ],
        gold: { turn: 1, strategy: 'Reflection of feelings' },
      }),
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'stc3-train-en.jsonl'),
    [1, 2, 3]
      .map((n) =>
        line({
          id: `s${n}`,
          turns: Array.from({ length: n }, (_, i) => ({ role: i % 2 ? 'agent' : 'customer', text: `t${i}` })),
          gold: { A: n, S: n, E: -n },
        }),
      )
      .join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lineToConversation', () => {
  it("reads a line with heard's JSON reader and records the source line", () => {
    const { conversation, indexOf, dropped } = lineToConversation(
      line({ id: 7, agent: 'bob', turns: [{ role: 'customer', text: 'hi ' }, { role: 'agent', text: 'hello', speaker: 'Bob' }] }),
      'f.jsonl',
      3,
    );
    expect(conversation.id).toBe('7');
    expect(conversation.agent).toBe('bob');
    expect(conversation.source).toEqual({ file: 'f.jsonl', line: 3, record: 3 });
    expect(conversation.turns.map((t) => [t.index, t.role, t.text, t.source.line])).toEqual([
      [0, 'customer', 'hi', 3],
      [1, 'agent', 'hello', 3],
    ]);
    expect([...indexOf]).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(dropped).toEqual([]);
  });

  it('maps line positions onto indices when the reader drops turns', () => {
    const { conversation, indexOf, dropped } = lineToConversation(
      line({
        id: 'x',
        turns: [
          { role: 'customer', text: '  ' },
          { role: 'customer', text: 'help' },
          { role: 'agent', text: '' },
          { role: 'agent', text: 'sure' },
        ],
      }),
      'f.jsonl',
      1,
    );
    expect(conversation.turns.map((t) => t.text)).toEqual(['help', 'sure']);
    expect([...indexOf]).toEqual([
      [1, 0],
      [3, 1],
    ]);
    expect(dropped).toHaveLength(2);
  });

  it('rejects lines it cannot turn into a conversation', () => {
    expect(() => lineToConversation('[]', 'f', 1)).toThrow();
    expect(() => lineToConversation(line({ turns: [{ role: 'x', text: 'y' }] }), 'f', 1)).toThrow(/role/);
    expect(() => lineToConversation(line({ turns: [] }), 'f', 1)).toThrow(/no turns/);
  });
});

describe('restorePositions', () => {
  it('gives analysed turns and findings their line positions back', () => {
    const r = result('x', [turn(0, 'customer', 'help'), turn(1, 'agent', 'sure')], {}, {
      findings: [{ kind: 'missing', move: 'solution', turn: 0, agentTurn: 1, message: 'm', evidence: {} }],
    });
    const back = restorePositions(r, new Map([[1, 0], [3, 1]]));
    expect(back.turns.map((t) => t.index)).toEqual([1, 3]);
    expect(back.findings[0]).toMatchObject({ turn: 1, agentTurn: 3 });
    expect(restorePositions(r, new Map([[0, 0], [1, 1]]))).toBe(r);
  });
});

describe('evaluateFile', () => {
  it('evaluates a cs-dev file, counting what it skipped', async () => {
    const r = await evaluateFile(join(dir, 'cs-dev-en.jsonl'), fake, { showErrors: 'solution', limit: 5 });
    expect(r.name).toBe('cs-dev-en');
    expect(r.kinds).toEqual(['cs']);
    expect(r.lines).toBe(5);
    expect(r.analysed).toBe(2);
    expect(r.skipped.map((s) => [s.line, s.id])).toEqual([
      [3, undefined],
      [5, 'boom'],
      [6, 'c'],
    ]);
    expect(r.skipped[1]!.reason).toMatch(/analyzer failed: kaboom/);
    expect(r.skipped[2]!.reason).toMatch(/unknown role/);
    // Conversation b: its empty first turn is dropped, gold turn 2 still meets the agent question.
    expect(r.droppedTurns).toBe(1);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(0);
    const ack = r.cs!.labels.find((l) => l.label === 'acknowledgement')!;
    expect(ack.counts).toEqual({ tp: 1, fp: 0, fn: 0, tn: 1 });
    const oq = r.cs!.labels.find((l) => l.label === 'open_question')!;
    expect(oq.f1).toBe(1);
    const missingSolution = r.cs!.missing.find((m) => m.move === 'solution')!;
    expect(missingSolution).toMatchObject({ precision: 1, recall: 1 });
    expect(r.errors).toMatchObject({ label: 'solution', total: 0 });

    const text = formatEvaluation(r);
    expect(text).toContain('cs-dev-en: 2 of 5 conversations');
    expect(text).toMatch(/acknowledgement\s+1\.00\s+1\.00\s+1\.00/);
    expect(text).toMatch(/paraphrase\s+n\/a\s+n\/a\s+n\/a/);
    expect(text).toContain('Skipped 3 line(s)');
    expect(text).toContain('Disagreements on "solution"');
  });

  it('evaluates ESConv and lists errors', async () => {
    const r = await evaluateFile(join(dir, 'esconv-dev.jsonl'), fake, { showErrors: 'solution', limit: 5 });
    expect(r.kinds).toEqual(['esconv']);
    expect(r.esconv!.labels.find((l) => l.label === 'open_question')!.f1).toBe(1);
    expect(r.esconv!.labels.find((l) => l.label === 'acknowledgement')!.counts).toEqual({ tp: 0, fp: 0, fn: 1, tn: 1 });
    expect(r.errors!.examples).toHaveLength(1);
    expect(r.errors!.examples[0]).toMatchObject({ id: 'e2', kind: 'fp', gold: 'Reflection of feelings' });
    const text = formatEvaluation(r);
    expect(text).toContain('[FP] e2 turn 1');
    expect(text).toContain('agent:    Try applying again.');
  });

  it('evaluates STC-3 and honours maxLines', async () => {
    const r = await evaluateFile(join(dir, 'stc3-train-en.jsonl'), fake);
    expect(r.stc3!.rho.S.rho).toBeCloseTo(1, 10);
    expect(r.stc3!.rho.E.rho).toBeCloseTo(-1, 10);
    expect(formatEvaluation(r)).toMatch(/S \(satisfaction\)\s+1\.000\s+3/);
    const two = await evaluateFile(join(dir, 'stc3-train-en.jsonl'), fake, { maxLines: 2 });
    expect(two.lines).toBe(2);
    expect(two.stc3!.rho.S.n).toBe(2);
  });

  it('checks targets on the files that ran', async () => {
    const results = [
      await evaluateFile(join(dir, 'cs-dev-en.jsonl'), fake),
      await evaluateFile(join(dir, 'stc3-train-en.jsonl'), fake),
    ];
    const checks = checkTargets(results);
    expect(checks).toHaveLength(TARGETS.length);
    const find = (file: string, metric: string) => checks.find((c) => c.file === file && c.metric === metric)!;
    expect(find('cs-dev-en', 'turn F1 acknowledgement')).toMatchObject({ value: 1, status: 'met' });
    // The one gold solution turn (a, turn 1) is found, and nothing else is predicted: F1 1.
    expect(find('cs-dev-en', 'turn F1 solution').status).toBe('met');
    // Never flagged as missing, never labelled missing: n/a counts as missed.
    expect(find('cs-dev-en', 'missing-acknowledgement precision')).toMatchObject({ value: null, status: 'missed' });
    expect(find('stc3-train-en', 'rho(score, S)')).toMatchObject({ status: 'met' });
    expect(find('cs-dev-zh', 'turn F1 acknowledgement').status).toBe('not_run');
    const text = formatTargets(checks);
    const run = checks.filter((c) => c.status !== 'not_run');
    expect(text.startsWith(`Targets: ${run.filter((c) => c.status === 'met').length} of ${run.length} met (${checks.length - run.length} more on files not evaluated)`)).toBe(true);
    expect(text).toContain('MISSED');
    expect(text).not.toContain('cs-dev-zh');
    expect(formatTargets(checkTargets([]))).toBe(`Targets: 0 of 0 met (${TARGETS.length} more on files not evaluated)\n`);
  });
});

describe('text helpers', () => {
  it('truncates by code points and flattens whitespace', () => {
    expect(truncate('a  b\nc', 10)).toBe('a b c');
    expect(truncate('您好，请问有什么可以帮您', 5)).toBe('您好，请…');
  });

  it('pads tables, counting CJK as double width', () => {
    expect(textTable(['k', 'v'], [['ab', '1'], ['中', '22']])).toBe(['k    v', '--  --', 'ab   1', '中  22'].join('\n'));
  });
});
