// WebVTT and SRT from recorded calls: cue timing, speakers from voice tags or "Name: " prefixes, a speaker's
// consecutive cues merged into one turn, roles from names or (said aloud) from who greets for the company.
import { describe, expect, it } from 'vitest';
import { parseCueTime, speakerPrefix } from '../../src/ingest/cues.js';
import { detectFormat } from '../../src/ingest/index.js';
import { readInputs } from '../../src/ingest/read.js';
import { parseSrt } from '../../src/ingest/srt.js';
import { parseVtt } from '../../src/ingest/vtt.js';
import { fmt, gist, read, turnsOf } from './helpers.js';

describe('cue times and speakers', () => {
  it('reads WebVTT and SRT times', () => {
    expect(parseCueTime('00:01:02.500')).toBe(62.5);
    expect(parseCueTime('01:02,5')).toBe(62.5);
    expect(parseCueTime('1:00:00.000')).toBe(3600);
    expect(parseCueTime('00:61:00.000')).toBeUndefined();
  });

  it('takes a short label before a colon as the speaker, not a sentence or a clock', () => {
    expect(speakerPrefix('Tom Baker: hi')).toEqual({ speaker: 'Tom Baker', text: 'hi' });
    expect(speakerPrefix('客服小王：您好')).toEqual({ speaker: '客服小王', text: '您好' });
    expect(speakerPrefix('- AGENT: hello')).toEqual({ speaker: 'AGENT', text: 'hello' });
    expect(speakerPrefix('It happened at 10: the router died')).toEqual({ text: 'It happened at 10: the router died' });
  });
});

describe('WebVTT', () => {
  it('reads the call as its plain-text twin: voice tags, merged cues, entities, NOTE skipped', async () => {
    const vtt = await readInputs([fmt('support-call.vtt')]);
    const text = await readInputs([fmt('support-call.txt')]);
    expect(vtt.skipped).toEqual([]);
    expect(vtt.conversations.map((c) => gist(c, { speakers: true }))).toEqual(text.conversations.map((c) => gist(c, { speakers: true })));
    const c = vtt.conversations[0]!;
    // Cues 1 and 2 (both Maria) are one turn from the first cue's start to the second's end.
    expect(c.turns[0]).toMatchObject({ role: 'agent', speaker: 'Maria', start: 0.5, end: 6.2, source: { line: 10 } });
    expect(c.turns).toHaveLength(16);
  });

  it('says which speaker it assumed to be the agent, and why', async () => {
    const r = await readInputs([fmt('support-call.vtt')]);
    expect(r.notices).toEqual([
      {
        source: `${fmt('support-call.vtt')}:10`,
        message: 'assumed "Maria" is the agent: the first speaker to greet on behalf of the company ("thank you for calling"); use --agent NAME if not',
      },
    ]);
  });

  it('lets --agent settle the roles without guessing', () => {
    const r = parseVtt(read(fmt('support-call.vtt')), 'call.vtt', { agent: ['Maria'] });
    expect(r.notices).toEqual([]);
    expect(r.conversations[0]!.agent).toBe('Maria');
    expect(r.conversations[0]!.turns[1]!.role).toBe('customer');
  });

  it('reports bad cues and cues that name no speaker, and keeps the rest', () => {
    const text = [
      'WEBVTT',
      '',
      '00:00:01.000 --> 00:00:02.000',
      'Hello?',
      '',
      'intro',
      '00:00:02.500 --> 00:00:01.000',
      '<v Agent Lee>Sorry about that.',
      '',
      '00:00:03.000 --> 00:00:05.000',
      '<v.loud Agent Lee>Thanks for calling, <b>how can I help</b>?',
      '',
      '00:00:06.000 --> 00:00:09.000',
      '<v Customer>My bill is wrong &amp; late.',
    ].join('\n');
    const r = parseVtt(text, 'call.vtt');
    expect(turnsOf(r.conversations[0])).toEqual(['agent|Lee|Thanks for calling, how can I help?', 'customer|Customer|My bill is wrong & late.']);
    expect(r.skipped).toEqual([
      { source: 'call.vtt:7', reason: 'cue ends (00:00:01.000) before it starts (00:00:02.500)' },
      { source: 'call.vtt:3', reason: 'cue names no speaker (expected <v Name> or "Name: " before the words)' },
    ]);
  });

  it('needs the WEBVTT header, and is detected by it', () => {
    expect(parseVtt('00:00:01.000 --> 00:00:02.000\nhi', 'x.vtt').skipped).toEqual([
      { source: 'x.vtt:1', reason: 'not WebVTT: the first line must be "WEBVTT"' },
    ]);
    expect(detectFormat('call.txt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v A>hi')).toBe('vtt');
  });

  it('joins Chinese cues without a space', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v 客服小王>您好，\n\n00:00:02.000 --> 00:00:03.000\n<v 客服小王>请问有什么可以帮您？\n';
    expect(turnsOf(parseVtt(text, 'zh.vtt').conversations[0])).toEqual(['agent|小王|您好，请问有什么可以帮您？']);
  });
});

describe('SRT', () => {
  it('reads the call as its plain-text twin: "Name: " prefixes, unlabelled cues continue the speaker, tags dropped', async () => {
    const srt = await readInputs([fmt('card-call.srt')]);
    const text = await readInputs([fmt('card-call.txt')]);
    expect(srt.skipped).toEqual([]);
    expect(srt.conversations.map((c) => gist(c, { speakers: true }))).toEqual(text.conversations.map((c) => gist(c, { speakers: true })));
    expect(srt.conversations[0]!.turns[0]!.end).toBe(5);
  });

  it('is detected by its numbered cues', () => {
    expect(detectFormat('call.txt', read(fmt('card-call.srt')))).toBe('srt');
    expect(detectFormat('call.srt', 'Agent: hi')).toBe('srt');
  });

  it('reports a block without a timing line', () => {
    const r = parseSrt('1\nAgent: hello\n\n2\n00:00:01,000 --> 00:00:02,000\nAgent: hello again\n', 'x.srt');
    expect(r.skipped).toEqual([{ source: 'x.srt:1', reason: 'block is not a cue: no "start --> end" timing line' }]);
    expect(turnsOf(r.conversations[0])).toEqual(['agent|Agent|hello again']);
  });
});
