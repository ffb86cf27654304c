import { describe, expect, it } from 'vitest';
import { applyLimits, DEFAULT_MAX_CONVERSATION_CHARS, DEFAULT_MAX_TURN_CHARS, DEFAULT_MAX_TURNS, limitsOf } from '../../src/ingest/limits.js';
import { parseJsonText, tooDeep } from '../../src/ingest/values.js';
import { parseJson } from '../../src/ingest/json.js';
import type { Conversation, Skipped } from '../../src/model/conversation.js';

function conversation(...texts: string[]): Conversation {
  return {
    id: 'L-1',
    source: { file: 'l.txt', line: 1 },
    turns: texts.map((text, index) => ({ index, role: index % 2 ? 'agent' : 'customer', text, source: { file: 'l.txt', line: index + 1 } })),
  };
}

describe('applyLimits', () => {
  it('returns a conversation within the limits untouched, and skips nothing', () => {
    const c = conversation('hello', 'hi');
    const skipped: Skipped[] = [];
    expect(applyLimits(c, { maxTurnChars: 5, maxTurns: 2, maxConversationChars: 1000 }, skipped)).toBe(c);
    expect(skipped).toEqual([]);
  });

  it('cuts a long turn for analysis and lists the cut with the turn\'s line', () => {
    const skipped: Skipped[] = [];
    const out = applyLimits(conversation('short', 'x'.repeat(12)), { maxTurnChars: 10, maxTurns: 5, maxConversationChars: 1000 }, skipped);
    expect(out.turns.map((t) => t.text)).toEqual(['short', 'x'.repeat(10)]);
    expect(skipped).toEqual([
      { source: 'l.txt:2', reason: 'turn 2 of conversation L-1 is 12 characters long: only the first 10 were analysed (--max-turn-chars 10)' },
    ]);
  });

  it('never splits a surrogate pair', () => {
    const out = applyLimits(conversation(`abc${'😀'.repeat(3)}`), { maxTurnChars: 4, maxTurns: 5, maxConversationChars: 1000 }, []);
    expect(out.turns[0]!.text).toBe('abc');
    expect(applyLimits(conversation(`ab${'😀'.repeat(3)}`), { maxTurnChars: 4, maxTurns: 5, maxConversationChars: 1000 }, []).turns[0]!.text).toBe('ab😀');
  });

  it('analyses the first turns of a very long conversation and lists the rest as one item', () => {
    const skipped: Skipped[] = [];
    const out = applyLimits(conversation('a', 'b', 'c', 'd', 'e'), { maxTurnChars: 10, maxTurns: 3, maxConversationChars: 1000 }, skipped);
    expect(out.turns.map((t) => t.text)).toEqual(['a', 'b', 'c']);
    expect(skipped).toEqual([{ source: 'l.txt:1', reason: 'conversation L-1 has 5 turns: turns 4 to 5 were not analysed (--max-turns 3)' }]);
  });

  it('stops at the turn that takes the conversation past its characters, always keeping the first', () => {
    const skipped: Skipped[] = [];
    const out = applyLimits(conversation('aaaa', 'bbbb', 'cccc', 'dddd'), { maxTurnChars: 10, maxTurns: 10, maxConversationChars: 10 }, skipped);
    expect(out.turns.map((t) => t.text)).toEqual(['aaaa', 'bbbb']);
    expect(skipped).toEqual([{ source: 'l.txt:1', reason: 'conversation L-1 has 16 characters: turns 3 to 4 were not analysed (--max-conversation-chars 10)' }]);
    const first = applyLimits(conversation('aaaaaa', 'bbbb'), { maxTurnChars: 10, maxTurns: 10, maxConversationChars: 5 }, []);
    expect(first.turns.map((t) => t.text)).toEqual(['aaaaaa']);
    const exact = conversation('aaaaa', 'bbbbb');
    expect(applyLimits(exact, { maxTurnChars: 10, maxTurns: 10, maxConversationChars: 10 }, [])).toBe(exact);
  });

  it('has defaults, which options override', () => {
    expect(limitsOf({})).toEqual({ maxTurnChars: DEFAULT_MAX_TURN_CHARS, maxTurns: DEFAULT_MAX_TURNS, maxConversationChars: DEFAULT_MAX_CONVERSATION_CHARS });
    expect(limitsOf({ maxTurnChars: 7, maxTurns: 9, maxConversationChars: 11 })).toEqual({ maxTurnChars: 7, maxTurns: 9, maxConversationChars: 11 });
  });
});

describe('JSON nesting guard', () => {
  it('counts brackets outside strings only, escaped quotes included', () => {
    expect(tooDeep('[[[]]]', 3)).toBe(-1);
    expect(tooDeep('[[[[]]]]', 3)).toBe(3);
    expect(tooDeep('{"a": "[[[[[\\"[[[[", "b": [1]}', 2)).toBe(-1);
  });

  it('refuses deep documents before JSON.parse can overflow the stack, naming line and column', () => {
    const deep = `\n  ${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parseJsonText(deep)).toEqual({ ok: false, reason: 'JSON nested more than 64 levels deep at line 2, column 67 (no transcript format nests that deep)' });
    expect(parseJson(deep, 'deep.json').skipped).toEqual([{ source: 'deep.json', reason: expect.stringMatching(/^JSON nested more than 64 levels/u) }]);
  });

  it('reports a syntax error at its line and column, where V8 gives its offset', () => {
    const bad = parseJsonText('{\n  "id": "A"\n  "turns": []\n}');
    expect(bad).toEqual({ ok: false, reason: `not valid JSON: Expected ',' or '}' after property value in JSON at position 16 (line 3, column 3)` });
  });

  it('reads a broken line of a .jsonl file as a line, even when it is the only one', () => {
    expect(parseJson('{"id": "A", "turns": [', 'one.jsonl').skipped).toEqual([
      { source: 'one.jsonl:1', reason: expect.stringMatching(/^not valid JSON: .*; expected one conversation object per line$/u) },
    ]);
  });
});
