// Contact Lens (voice and chat) and Transcribe Call Analytics output: each fixture reads as the same
// conversation as its plain-text twin.
import { describe, expect, it } from 'vitest';
import { parseAmazon } from '../../src/ingest/amazon.js';
import { detectFormat } from '../../src/ingest/index.js';
import { readInputs } from '../../src/ingest/read.js';
import { fmt, gist, read } from './helpers.js';

async function twins(name: string, options: { speakers?: boolean } = {}) {
  const vendor = await readInputs([fmt(`${name}.json`)]);
  const text = await readInputs([fmt(`${name}.txt`)]);
  expect(vendor.skipped).toEqual([]);
  expect(text.skipped).toEqual([]);
  expect(vendor.conversations.map((c) => gist(c, options))).toEqual(text.conversations.map((c) => gist(c, options)));
  return vendor.conversations[0]!;
}

describe('Contact Lens voice', () => {
  it('reads as its plain-text twin: roles through Participants, offsets in seconds, the ContactId as id', async () => {
    const c = await twins('contact-lens-voice');
    expect(c.id).toBe('7c1e2a90-4b3d-4f0e-9a51-0d6f3e8b2c17');
    expect(c.language).toBe('zh');
    expect(c.turns[1]).toMatchObject({ role: 'customer', start: 4.8, end: 12.6, source: { record: 2 } });
    expect(c.turns[1]!.text).toContain('[PII]');
  });

  it('is detected by its content, whatever the extension', () => {
    const text = read(fmt('contact-lens-voice.json'));
    expect(detectFormat('call.json', text)).toBe('contact-lens');
    expect(detectFormat('call.txt', text)).toBe('contact-lens');
  });

  it('takes a single --agent as the name of an agent the file does not name', () => {
    const text = read(fmt('contact-lens-voice.json'));
    expect(parseAmazon(text, 'call.json', { agent: ['Wang Fang'] }).conversations[0]!.agent).toBe('Wang Fang');
    expect(parseAmazon(text, 'call.json', { agent: ['A', 'B'] }).conversations[0]!.agent).toBeUndefined();
  });
});

describe('Contact Lens chat', () => {
  it('reads as its plain-text twin: SYSTEM messages are bot turns, EVENT items are not turns', async () => {
    const c = await twins('contact-lens-chat');
    expect(c.agent).toBe('Priya');
    expect(c.turns.map((t) => t.role)).toEqual(['bot', 'agent', 'customer', 'customer', 'agent', 'customer', 'agent', 'customer']);
    expect(c.turns[0]!.speaker).toBeUndefined(); // "SYSTEM_MESSAGE" is no one's name
    expect(c.turns[2]!.speaker).toBeUndefined(); // nor is a redacted "[PII]" display name
    expect(c.turns[1]!.start).toBe(Date.UTC(2024, 4, 14, 9, 0, 45) / 1000);
    expect(c.turns[1]!.end).toBeUndefined();
  });

  it('reports unknown roles and empty messages, and keeps the rest', () => {
    const doc = {
      Participants: [{ ParticipantId: 'p1', ParticipantRole: 'CUSTOMER' }],
      Transcript: [
        { ParticipantId: 'p1', Content: 'My order is late.', Type: 'MESSAGE' },
        { ParticipantRole: 'SUPERVISOR', Content: 'Listening in.', Type: 'MESSAGE' },
        { ParticipantRole: 'AGENT', Content: '  ', Type: 'MESSAGE' },
        { ParticipantRole: 'AGENT', Content: 'I will check it now.', Type: 'MESSAGE' },
      ],
    };
    const r = parseAmazon(JSON.stringify(doc), 'chat.json');
    expect(r.conversations[0]!.turns.map((t) => `${t.role}|${t.text}`)).toEqual(['customer|My order is late.', 'agent|I will check it now.']);
    expect(r.skipped).toEqual([
      { source: 'chat.json#2', reason: 'Transcript item 2: unknown participant role "SUPERVISOR" (expected AGENT, CUSTOMER or SYSTEM)' },
      { source: 'chat.json#3', reason: 'empty turn' },
    ]);
  });

  it('says what is wrong with a file that is not one', () => {
    expect(parseAmazon('{"Transcript": 3}', 'x.json').skipped[0]!.reason).toMatch(/^no "Transcript" array/);
    expect(parseAmazon('{"Transcript": [', 'x.json').skipped[0]!.reason).toMatch(/^not valid JSON/);
  });
});

describe('Transcribe Call Analytics', () => {
  it('reads as its plain-text twin: ParticipantRole on every segment, the JobName as id', async () => {
    const c = await twins('transcribe-call');
    expect(c.id).toBe('contoso-billing-2024-04-02-0932');
    expect(c.turns[4]).toMatchObject({ role: 'agent', start: 24, end: 33.2 });
  });

  it('is told from Contact Lens by its content', () => {
    expect(detectFormat('job.json', read(fmt('transcribe-call.json')))).toBe('transcribe');
    expect(detectFormat('job.json', read(fmt('contact-lens-chat.json')))).toBe('contact-lens');
  });
});
