import { describe, expect, it } from 'vitest';
import { parseText, textAdapter } from '../../src/ingest/text.js';
import { fx, read, turnsOf } from './helpers.js';

describe('text: English multi-conversation log', () => {
  const file = fx('chat-multi.txt');
  const { conversations, skipped } = parseText(read(file), file);

  it('splits on === / --- separators and takes ids from their headers', () => {
    expect(conversations.map((c) => c.id)).toEqual(['42', 'ABC-7', 'chat-multi#3']);
  });

  it('reads roles, names and continuation lines', () => {
    const [c42] = conversations;
    expect(turnsOf(c42)).toEqual([
      'agent|Maria|Hi, this is Maria from Acme support. How can I help?',
      'customer|Customer|I was charged twice for order #A-1001.\nOrder number: A-1001\nBoth charges are $49.99, on March 1.',
      "agent|Maria|I'm sorry about that, let me check the payments.",
    ]);
    expect(c42!.agent).toBe('Maria');
  });

  it('stores leading timestamps as seconds', () => {
    expect(conversations[0]!.turns.map((t) => t.start)).toEqual([
      10 * 3600 + 32 * 60 + 5,
      10 * 3600 + 32 * 60 + 40,
      10 * 3600 + 33 * 60 + 10,
    ]);
    expect(conversations[1]!.turns.map((t) => t.start)).toEqual([
      10 * 3600 + 40 * 60,
      10 * 3600 + 41 * 60,
      10 * 3600 + 41 * 60,
      83,
    ]);
    expect(conversations[2]!.turns[0]!.start).toBe(Date.UTC(2024, 2, 1, 9, 0, 0) / 1000);
  });

  it('reads Name (agent) / Name [customer] notation and keeps same-speaker lines as separate turns', () => {
    const abc = conversations[1]!;
    expect(turnsOf(abc)).toEqual([
      'agent|Tom|Hello Dana, thanks for waiting.',
      'customer|Dana|My parcel 7781 is late.',
      'customer|Dana|It was due on Friday.',
      'agent|Tom|I can see it left the depot today.',
    ]);
    expect(abc.agent).toBe('Tom');
  });

  it('leaves agent undefined for a bare role label', () => {
    const third = conversations[2]!;
    expect(third.agent).toBeUndefined();
    expect(turnsOf(third)[2]).toBe('agent|Support|Yes, from 10:00 to 16:00.');
  });

  it('numbers turns consecutively and points sources at lines', () => {
    const c = conversations[0]!;
    expect(c.turns.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(c.turns.map((t) => t.source.line)).toEqual([3, 4, 7]);
    expect(c.source).toEqual({ file, line: 3 });
  });

  it('counts the preamble and the empty turn', () => {
    expect(skipped).toEqual([
      { source: `${file}:1`, reason: '1 line with no "Speaker: text" line ignored' },
      { source: `${file}:8`, reason: 'empty turn' },
    ]);
  });
});

describe('text: Chinese', () => {
  it('reads simplified Chinese with full-width colons, names and notation', () => {
    const file = fx('chat-zh.txt');
    const { conversations, skipped } = parseText(read(file), file);
    expect(skipped).toEqual([]);
    expect(conversations).toHaveLength(1);
    const [c] = conversations;
    expect(c!.id).toBe('chat-zh');
    expect(c!.agent).toBe('小王');
    expect(turnsOf(c)).toEqual([
      'agent|小王|您好，请问有什么可以帮您？',
      'customer|顾客|我的订单 20240301-8876 还没到，已经超过三天了\n订单号：20240301-8876',
      'agent|小王|我理解您的心情，我马上帮您查一下。',
      'customer|李女士|好的，谢谢',
    ]);
  });

  it('reads traditional Chinese labels and bracketed times', () => {
    const file = fx('chat-zh-tw.txt');
    const { conversations, skipped } = parseText(read(file), file);
    expect(skipped).toEqual([]);
    const [c] = conversations;
    expect(c!.agent).toBe('阿美');
    expect(c!.turns.map((t) => t.role)).toEqual(['agent', 'customer', 'agent', 'customer']);
    expect(c!.turns[1]!.text).toBe('我上週買的耳機右邊沒有聲音，訂單編號 TW-5521。');
    expect(c!.turns[3]!.speaker).toBe('會員');
    expect(c!.turns[0]!.start).toBe(14 * 3600 + 5 * 60);
  });
});

describe('text: speakers without role words', () => {
  const file = fx('chat-names.txt');

  it('infers the other side in a conversation with one known speaker, and counts unknown speakers', () => {
    const { conversations, skipped } = parseText(read(file), file);
    expect(conversations.map((c) => c.id)).toEqual(['names-2', 'names-3', 'names-4']);
    expect(turnsOf(conversations[0])).toEqual([
      'agent|Lee|Hello, what can I do for you?',
      'customer|Sam|My card was declined.',
    ]);
    // A third speaker next to a known agent and customer stays unknown: its turns are skipped.
    expect(turnsOf(conversations[1])).toEqual(['agent|Agent|Hi there.', 'customer|Customer|Hello.']);
    // A speaker facing only a bot is the customer.
    expect(turnsOf(conversations[2])).toEqual([
      'bot|Bot|Welcome! Type your question.',
      'customer|Ana|Where is my refund for order 5512?',
    ]);
    expect(skipped).toEqual([
      { source: `${file}:2`, reason: `unknown role for speaker Maria at ${file}:2 (name it with --agent or --customer)` },
      { source: `${file}:3`, reason: `unknown role for speaker Tom at ${file}:3 (name it with --agent or --customer)` },
      { source: `${file}:4`, reason: `unknown role for speaker Maria at ${file}:4 (name it with --agent or --customer)` },
      { source: `${file}:2`, reason: 'conversation names-1 has no usable turns (all 3 skipped)' },
      { source: `${file}:11`, reason: `unknown role for speaker Priya at ${file}:11 (name it with --agent or --customer)` },
      { source: `${file}:12`, reason: `unknown role for speaker Priya at ${file}:12 (name it with --agent or --customer)` },
    ]);
  });

  it('uses --agent NAME (case-insensitive) and infers the customer', () => {
    const { conversations } = parseText(read(file), file, { agent: ['maria'] });
    const c = conversations.find((x) => x.id === 'names-1');
    expect(c?.agent).toBe('Maria');
    expect(turnsOf(c)).toEqual([
      "agent|Maria|Hi, you're chatting with Acme. How can I help?",
      'customer|Tom|The invoice for March shows the wrong address.',
      'agent|Maria|I can fix that for you right away.',
    ]);
  });

  it('uses --customer NAME and infers the agent', () => {
    const { conversations, skipped } = parseText(read(file), file, { customer: ['TOM', 'priya'] });
    expect(conversations.find((x) => x.id === 'names-1')?.turns.map((t) => t.role)).toEqual([
      'agent',
      'customer',
      'agent',
    ]);
    expect(turnsOf(conversations.find((x) => x.id === 'names-3'))).toEqual([
      'agent|Agent|Hi there.',
      'customer|Customer|Hello.',
      "customer|Priya|Hi, I'm the customer's colleague.",
      'customer|Priya|Can I join?',
    ]);
    expect(skipped).toEqual([]);
  });
});

describe('text: line shapes', () => {
  it('treats content that only looks like a label as part of the message', () => {
    const text = [
      'Agent: Please send me the details.',
      'Customer: Here they are:',
      'Order number: 5512',
      'Email: dana@example.com',
      'See https://example.com/orders/5512',
      'I called support: nobody answered.',
      'Agent: Thanks, got it.',
    ].join('\n');
    const { conversations, skipped } = parseText(text, 'x.txt');
    expect(skipped).toEqual([]);
    expect(turnsOf(conversations[0])).toEqual([
      'agent|Agent|Please send me the details.',
      'customer|Customer|Here they are:\nOrder number: 5512\nEmail: dana@example.com\nSee https://example.com/orders/5512\nI called support: nobody answered.',
      'agent|Agent|Thanks, got it.',
    ]);
  });

  it('reads a speaker line whose text starts on the next line', () => {
    const { conversations } = parseText('Customer:\n  My order 88 is late.\nAgent: Sorry!', 'x.txt');
    expect(turnsOf(conversations[0])).toEqual(['customer|Customer|My order 88 is late.', 'agent|Agent|Sorry!']);
  });

  it('accepts CRLF line endings, 12-hour times and a time after the label', () => {
    const { conversations } = parseText('2:05 PM Agent: Hi\r\nCustomer [14:06:30]: Hello\r\n', 'x.txt');
    expect(conversations[0]!.turns.map((t) => [t.role, t.start, t.text])).toEqual([
      ['agent', 14 * 3600 + 5 * 60, 'Hi'],
      ['customer', 14 * 3600 + 6 * 60 + 30, 'Hello'],
    ]);
  });

  it('reports a file with no speaker lines once', () => {
    const file = fx('notes.txt');
    expect(parseText(read(file), file)).toEqual({
      conversations: [],
      skipped: [{ source: file, reason: 'no "Speaker: text" lines found (expected lines like "Agent: Hello" or "客服：您好")' }],
    });
  });

  it('reports a header with no turns', () => {
    const { conversations, skipped } = parseText('=== chat 1 ===\nAgent: hi\n=== chat 2 ===\n', 'x.txt');
    expect(conversations.map((c) => c.id)).toEqual(['1']);
    expect(skipped).toEqual([{ source: 'x.txt:3', reason: 'conversation 2 has no turns' }]);
  });

  it('sniffs speaker lines', () => {
    expect(textAdapter.sniff('[10:00] Agent: hi')).toBe(true);
    expect(textAdapter.sniff('客服：您好')).toBe(true);
    expect(textAdapter.sniff('just prose without labels')).toBe(false);
  });
});

describe('text: one-off labels', () => {
  it('folds a one-off label into the message when a repeated speaker can be the other side', () => {
    const text = ['Agent: How can I help?', 'Tom: My parcel is late.', 'Thanks: in advance', 'Agent: Let me check.', 'Tom: OK'].join('\n');
    const { conversations, skipped } = parseText(text, 'x.txt');
    expect(skipped).toEqual([]);
    expect(turnsOf(conversations[0])).toEqual([
      'agent|Agent|How can I help?',
      'customer|Tom|My parcel is late.\nThanks: in advance',
      'agent|Agent|Let me check.',
      'customer|Tom|OK',
    ]);
  });

  it('keeps a one-off speaker who is the only candidate for the other side', () => {
    const { conversations } = parseText('Agent: How can I help?\nTom: My parcel 7781 is late.\n', 'x.txt');
    expect(turnsOf(conversations[0])).toEqual(['agent|Agent|How can I help?', 'customer|Tom|My parcel 7781 is late.']);
  });
});

describe('text: timestamps next to labels', () => {
  it('does not read a name starting with "Am" as AM, and accepts a time glued to a Chinese label', () => {
    const { conversations } = parseText('10:32 Amy: hello\n10:33客服：您好\n', 'x.txt', { customer: ['amy'] });
    expect(conversations[0]!.turns.map((t) => [t.speaker, t.start, t.text])).toEqual([
      ['Amy', 10 * 3600 + 32 * 60, 'hello'],
      ['客服', 10 * 3600 + 33 * 60, '您好'],
    ]);
  });

  it('strips a BOM when called directly', () => {
    expect(parseText('\uFEFFAgent: hi', 'x.txt').conversations[0]!.turns[0]!.speaker).toBe('Agent');
  });
});

describe('text: --agent names that do not look like labels', () => {
  it('accepts any exact speaker name given on the command line', () => {
    const text = 'help desk (tier 2, night shift): Hello\nKen: My router reboots.\n';
    expect(parseText(text, 'x.txt').conversations).toEqual([]);
    const { conversations } = parseText(text, 'x.txt', { agent: ['Help Desk (tier 2, night shift)'] });
    expect(turnsOf(conversations[0])).toEqual([
      'agent|help desk (tier 2, night shift)|Hello',
      'customer|Ken|My router reboots.',
    ]);
  });
});
