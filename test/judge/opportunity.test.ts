// The opportunity model: a move is judged only where a customer turn called for it, and then as present
// (in time), late or missing. The timing rules are tested on hand-built AnalysedTurn arrays (independent of
// the phrase lexicons); the end-to-end cases run real English and Chinese text through the analyzer.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACKNOWLEDGEMENT_WINDOW, judgeConversation } from '../../src/judge/judge.js';
import { createAnalyzer } from '../../src/analyze.js';
import type { Analyzer } from '../../src/analyze.js';
import type { AnalysedTurn, Finding } from '../../src/model/analysis.js';
import { agentTurn as A, customerTurn as C, needsOf } from '../helpers/analysed.js';
import { conversation } from '../helpers/conversation.js';

const ANGRY = "I've been charged twice and nobody answers my emails!";

function judge(turns: AnalysedTurn[], language: 'en' | 'zh' = 'en') {
  return judgeConversation(turns, needsOf(turns), language);
}

function findingFor(findings: Finding[], move: string): Finding | undefined {
  return findings.find((f) => f.move === move);
}

describe('judgeConversation: acknowledgement timing', () => {
  it('uses a window of 2 agent turns', () => {
    expect(ACKNOWLEDGEMENT_WINDOW).toBe(2);
  });

  it('is present when the first agent reply acknowledges, with no finding', () => {
    const { moves, findings } = judge([C(0, ANGRY, ['acknowledgement']), A(1, 'I can see how frustrating that is.', ['acknowledgement'])]);
    expect(moves.acknowledgement).toBe('present');
    expect(findings).toEqual([]);
  });

  it('is present when the 2nd agent reply acknowledges, counting agent turns only (customer turns in between do not count)', () => {
    const turns = [
      C(0, ANGRY, ['acknowledgement']),
      A(1, 'Please provide your order number.'),
      C(2, 'It is 55812.'),
      C(3, 'Hello?'),
      A(4, 'I can see how frustrating that is.', ['acknowledgement']),
    ];
    const { moves, findings } = judge(turns);
    expect(moves.acknowledgement).toBe('present');
    expect(findings).toEqual([]);
  });

  it('is late when only the 3rd agent reply acknowledges; the finding points at the late reply', () => {
    const turns = [
      C(0, ANGRY, ['acknowledgement']),
      A(1, 'Please provide your order number.'),
      C(2, 'It is 55812.'),
      A(3, 'One moment.'),
      A(4, 'I am so sorry, I can see how frustrating that is.', ['acknowledgement']),
    ];
    const { moves, findings } = judge(turns);
    expect(moves.acknowledgement).toBe('late');
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ kind: 'late', move: 'acknowledgement', turn: 0, agentTurn: 4 });
    expect(f.flag).toBeUndefined();
    expect(f.evidence.customer).toBe(ANGRY);
    expect(f.evidence.agent).toBe('I am so sorry, I can see how frustrating that is.');
    expect(f.message).toContain('3 agent replies later');
    expect(f.suggestion).toBeTruthy();
  });

  it('is late, not present, when the acknowledgement comes even later (5th agent reply)', () => {
    const turns = [C(0, ANGRY, ['acknowledgement']), A(1, 'a'), A(2, 'b'), A(3, 'c'), A(4, 'd'), A(5, 'sorry, that is frustrating', ['acknowledgement'])];
    const { moves, findings } = judge(turns);
    expect(moves.acknowledgement).toBe('late');
    expect(findingFor(findings, 'acknowledgement')).toMatchObject({ kind: 'late', turn: 0, agentTurn: 5 });
    expect(findingFor(findings, 'acknowledgement')!.message).toContain('5 agent replies later');
  });

  it('is missing when no agent reply acknowledges; the finding quotes the customer and the reply that missed it', () => {
    const turns = [
      A(0, 'Hello, how can I help?'),
      C(1, ANGRY, ['acknowledgement']),
      A(2, 'Please provide your order number.'),
      C(3, 'It is 55812.'),
      A(4, 'Thanks.'),
    ];
    const { moves, findings } = judge(turns);
    expect(moves.acknowledgement).toBe('missing');
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ kind: 'missing', move: 'acknowledgement', turn: 1, agentTurn: 2 });
    expect(f.evidence).toEqual({ customer: ANGRY, agent: 'Please provide your order number.' });
    expect(f.message).toContain('test need for acknowledgement'); // the "why" of the need is explained
    expect(f.suggestion).toBe("I'm sorry you've had to deal with this — I can see how frustrating it is.");
  });

  it('does not count an acknowledgement made before the need arose', () => {
    const turns = [A(0, 'Sorry to hear that!', ['acknowledgement']), C(1, ANGRY, ['acknowledgement']), A(2, 'Order number?')];
    expect(judge(turns).moves.acknowledgement).toBe('missing');
  });

  it('does not count a bot turn as the agent acknowledging, nor as an agent reply in the window', () => {
    const turns = [C(0, ANGRY, ['acknowledgement']), { ...A(1, 'We are sorry for the inconvenience.', ['acknowledgement']), role: 'bot' as const }, A(2, 'Order number?')];
    const { moves, findings } = judge(turns);
    expect(moves.acknowledgement).toBe('missing');
    expect(findingFor(findings, 'acknowledgement')!.agentTurn).toBe(2);
  });
});

describe('judgeConversation: when nothing is expected', () => {
  it('is not_expected for every move when no customer turn called for anything', () => {
    const turns = [C(0, 'Hi there.'), A(1, 'Hello! How can I help?', ['open_question']), C(2, 'Thanks, bye.')];
    const { moves, findings } = judge(turns);
    expect(moves).toEqual({ acknowledgement: 'not_expected', paraphrase: 'not_expected', solution: 'not_expected' });
    expect(findings).toEqual([]);
  });

  it("is not_expected when the need arises only in the customer's last turn, with no agent turn after it", () => {
    const turns = [A(0, 'Hello, how can I help?'), C(1, 'Hi.'), A(2, 'Yes?'), C(3, ANGRY, ['acknowledgement', 'solution', 'paraphrase'])];
    const { moves, findings } = judge(turns);
    expect(moves).toEqual({ acknowledgement: 'not_expected', paraphrase: 'not_expected', solution: 'not_expected' });
    expect(findings).toEqual([]);
  });

  it('judges the first need that an agent turn still follows (a later need with no reply does not move it)', () => {
    const turns = [C(0, 'Can I change my address?', ['solution']), A(1, 'Sure, what is the new address?'), C(2, 'This is taking forever!', ['acknowledgement', 'solution'])];
    const { moves, findings } = judge(turns);
    expect(moves.acknowledgement).toBe('not_expected');
    expect(moves.solution).toBe('missing');
    expect(findingFor(findings, 'solution')).toMatchObject({ turn: 0, agentTurn: 1 });
  });

  it('takes the window from the first customer turn that calls for the move', () => {
    const turns = [
      C(0, 'Hi, I have a question about my order.', ['solution']),
      A(1, 'Sure.', ['solution']),
      C(2, 'It arrived broken and I am furious!', ['acknowledgement']),
      A(3, 'Let me check.'),
      A(4, 'I understand how upsetting that is.', ['acknowledgement']),
    ];
    const { moves, findings } = judge(turns);
    expect(moves.acknowledgement).toBe('present'); // 2nd agent reply after turn 2
    expect(moves.solution).toBe('present');
    expect(findings).toEqual([]);
  });
});

describe('judgeConversation: paraphrase and solution', () => {
  const need = () => C(0, 'My blender from order 4471 does not turn on.', ['paraphrase', 'solution']);

  it('paraphrase is present when it comes before the first solution', () => {
    const { moves, findings } = judge([need(), A(1, 'So your blender from order 4471 will not start?', ['paraphrase']), A(2, 'I will send a replacement.', ['solution'])]);
    expect(moves).toMatchObject({ paraphrase: 'present', solution: 'present' });
    expect(findings).toEqual([]);
  });

  it('paraphrase is present when it comes in the same reply as the first solution', () => {
    const { moves } = judge([need(), A(1, 'So the blender will not start; I will send a replacement.', ['paraphrase', 'solution'])]);
    expect(moves).toMatchObject({ paraphrase: 'present', solution: 'present' });
  });

  it('paraphrase is present when there is no solution at all (and the solution is missing)', () => {
    const { moves, findings } = judge([need(), A(1, 'So your blender will not start?', ['paraphrase'])]);
    expect(moves).toMatchObject({ paraphrase: 'present', solution: 'missing' });
    expect(findings.map((f) => `${f.kind}:${f.move}`)).toEqual(['missing:solution']);
  });

  it('paraphrase is late when it comes only after the first solution', () => {
    const turns = [need(), A(1, 'I will send a replacement.', ['solution']), C(2, 'OK.'), A(3, 'So just to confirm, the blender from order 4471 does not start?', ['paraphrase'])];
    const { moves, findings } = judge(turns);
    expect(moves).toMatchObject({ paraphrase: 'late', solution: 'present' });
    const f = findingFor(findings, 'paraphrase')!;
    expect(f).toMatchObject({ kind: 'late', move: 'paraphrase', turn: 0, agentTurn: 3 });
    expect(f.evidence.customer).toBe('My blender from order 4471 does not turn on.');
    expect(f.message).toMatch(/after already offering a solution/);
  });

  it('paraphrase is late even if it is in the 2nd reply, once a solution came first (no window for paraphrase)', () => {
    const { moves } = judge([need(), A(1, 'Replacement on its way.', ['solution']), A(2, 'So the blender does not start, right?', ['paraphrase'])]);
    expect(moves.paraphrase).toBe('late');
  });

  it('solution is present however late it comes (solution has no timing rule)', () => {
    const { moves } = judge([need(), A(1, 'Hmm.'), A(2, 'Let me see.'), A(3, 'Still looking.'), A(4, 'I will send a replacement.', ['solution'])]);
    expect(moves.solution).toBe('present');
  });

  it('missing paraphrase and solution both point at the customer turn and the first reply, with suggestions', () => {
    const turns = [A(0, 'Hello.'), need(), A(2, 'Did you read the manual?'), C(3, 'Yes.'), A(4, 'Then I do not know.')];
    turns[1] = { ...turns[1]!, index: 1 };
    const { moves, findings } = judge(turns);
    expect(moves).toMatchObject({ paraphrase: 'missing', solution: 'missing', acknowledgement: 'not_expected' });
    expect(findings.map((f) => [f.kind, f.move, f.turn, f.agentTurn])).toEqual([
      ['missing', 'paraphrase', 1, 2],
      ['missing', 'solution', 1, 2],
    ]);
    for (const f of findings) {
      expect(f.evidence).toEqual({ customer: 'My blender from order 4471 does not turn on.', agent: 'Did you read the manual?' });
      expect(f.suggestion).toBeTruthy();
    }
    // The paraphrase suggestion restates the customer's own words (trailing punctuation dropped).
    expect(findingFor(findings, 'paraphrase')!.suggestion).toContain('“My blender from order 4471 does not turn on”');
  });

  it('suggestions follow the conversation language and clip long customer quotes', () => {
    const long = '我的快递三天了还没到'.repeat(10) + '。';
    const { findings } = judge([C(0, long, ['paraphrase']), A(1, '请提供订单号')], 'zh');
    const f = findingFor(findings, 'paraphrase')!;
    expect(f.suggestion).toMatch(/^跟您确认一下/);
    expect(f.suggestion).toContain(`${long.slice(0, 80)}…`);
    expect(f.suggestion).not.toContain(long.slice(0, 81));
  });
});

describe('judgeConversation: flags become findings', () => {
  it('negative_language and canned detections become findings on the agent turn, ordered by turn', () => {
    const turns = [
      C(0, ANGRY, ['acknowledgement']),
      A(1, 'I understand how frustrating this is.', ['acknowledgement']),
      C(2, 'And?'),
      A(3, 'As I said, it is in transit.', [], ['negative_language']),
      A(4, 'I understand how frustrating this is.', ['acknowledgement'], ['canned']),
    ];
    const { moves, findings } = judge(turns);
    expect(moves.acknowledgement).toBe('present');
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ kind: 'negative_language', flag: 'negative_language', turn: 3, agentTurn: 3, evidence: { agent: 'As I said, it is in transit.' } });
    expect(findings[0]!.message).toMatch(/^Negative language: test negative_language/);
    expect(findings[1]).toMatchObject({ kind: 'canned', flag: 'canned', turn: 4, agentTurn: 4, evidence: { agent: 'I understand how frustrating this is.' } });
    expect(findings[1]!.message).toMatch(/^Canned phrasing/);
    for (const f of findings) {
      expect(f.move).toBeUndefined();
      expect(f.evidence.customer).toBeUndefined();
    }
  });

  it('move findings and flag findings are sorted together by turn', () => {
    const turns = [A(0, 'Calm down.', [], ['negative_language']), C(1, ANGRY, ['acknowledgement']), A(2, 'Order number?')];
    const { findings } = judge(turns);
    expect(findings.map((f) => [f.kind, f.turn])).toEqual([
      ['negative_language', 0],
      ['missing', 1],
    ]);
  });
});

describe('the opportunity model end to end (createAnalyzer)', () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await createAnalyzer();
  });

  it('English: an acknowledging reply to a frustrated customer meets the acknowledgement', () => {
    const r = analyzer.analyzeConversation(
      conversation(`C: ${ANGRY}`, 'A: I can see how frustrating that is. Let me look into the double charge for you right now.', 'C: Thanks.'),
    );
    expect(r.language).toBe('en');
    expect(r.turns[0]!.needs).toEqual(expect.arrayContaining(['acknowledgement', 'solution']));
    expect(r.turns[0]!.emotion?.polarity).toBe('negative');
    expect(r.moves.acknowledgement).toBe('present');
    expect(r.moves.solution).toBe('present');
    expect(findingFor(r.findings, 'acknowledgement')).toBeUndefined();
    expect(r.turns[1]!.moves).toContain('acknowledgement');
  });

  it('English: "Please provide your order number." misses the acknowledgement and the solution', () => {
    const r = analyzer.analyzeConversation(conversation(`C: ${ANGRY}`, 'A: Please provide your order number.', 'C: It is 55812.', 'A: Thanks.'));
    expect(r.moves.acknowledgement).toBe('missing');
    expect(r.moves.solution).toBe('missing');
    const f = findingFor(r.findings, 'acknowledgement')!;
    expect(f).toMatchObject({ kind: 'missing', turn: 0, agentTurn: 1 });
    expect(f.evidence.customer).toBe(ANGRY);
    expect(f.evidence.agent).toBe('Please provide your order number.');
    expect(f.suggestion).toMatch(/frustrating/);
    expect(r.score).not.toBeNull();
  });

  it('English: an acknowledgement only in the 3rd agent reply is late', () => {
    const r = analyzer.analyzeConversation(
      conversation(
        `C: ${ANGRY}`,
        'A: Please provide your order number.',
        'C: It is 55812.',
        'A: Thanks, one moment while I pull it up.',
        'C: Still waiting...',
        'A: I am so sorry, I can see how frustrating that is.',
      ),
    );
    expect(r.moves.acknowledgement).toBe('late');
    expect(findingFor(r.findings, 'acknowledgement')).toMatchObject({ kind: 'late', turn: 0, agentTurn: 5 });
  });

  it("English: a complaint only in the customer's last turn expects nothing and is unscored", () => {
    const r = analyzer.analyzeConversation(conversation('A: Hello, how can I help?', `C: ${ANGRY}`));
    expect(r.moves).toEqual({ acknowledgement: 'not_expected', paraphrase: 'not_expected', solution: 'not_expected' });
    expect(r.findings).toEqual([]);
    expect(r.score).toBeNull();
    expect(r.scoreParts).toBeNull();
  });

  it('English: small talk expects nothing', () => {
    const r = analyzer.analyzeConversation(conversation('C: Hi there.', 'A: Hello! How can I help?', 'C: Thanks, bye.'));
    expect(r.moves).toEqual({ acknowledgement: 'not_expected', paraphrase: 'not_expected', solution: 'not_expected' });
    expect(r.score).toBeNull();
  });

  it('English: negative language and a repeated stock empathy sentence become findings', () => {
    const r = analyzer.analyzeConversation(
      conversation(
        'C: My parcel is two weeks late and I am really upset about it.',
        'A: I understand how frustrating this is. Let me check the tracking for you.',
        'C: It still says in transit, this is ridiculous!',
        'A: I understand how frustrating this is. As I said, it is in transit.',
      ),
    );
    const flags = r.findings.filter((f) => f.flag).map((f) => [f.kind, f.turn, f.agentTurn]);
    expect(flags).toEqual(
      expect.arrayContaining([
        ['negative_language', 3, 3],
        ['canned', 3, 3],
      ]),
    );
    expect(r.findings.find((f) => f.kind === 'negative_language')!.evidence.agent).toContain('As I said');
    expect(r.findings.find((f) => f.kind === 'canned')!.evidence.agent).toBe('I understand how frustrating this is.');
    expect(r.scoreParts!.penalty).toBe(10);
  });

  it('Chinese: 我理解您的心情 meets the acknowledgement of an anxious customer', () => {
    const r = analyzer.analyzeConversation(conversation('C: 我的快递三天了还没到，太让人着急了', 'A: 我理解您的心情，我马上帮您查一下物流。'));
    expect(r.language).toBe('zh');
    expect(r.turns[0]!.emotion?.polarity).toBe('negative');
    expect(r.moves.acknowledgement).toBe('present');
    expect(r.moves.solution).toBe('present');
    expect(findingFor(r.findings, 'acknowledgement')).toBeUndefined();
  });

  it('Chinese: 请提供订单号 misses the acknowledgement; the finding quotes both sides and suggests Chinese phrasing', () => {
    const r = analyzer.analyzeConversation(conversation('C: 我的快递三天了还没到，太让人着急了', 'A: 请提供订单号'));
    expect(r.language).toBe('zh');
    expect(r.moves.acknowledgement).toBe('missing');
    const f = findingFor(r.findings, 'acknowledgement')!;
    expect(f).toMatchObject({ kind: 'missing', turn: 0, agentTurn: 1 });
    expect(f.evidence).toEqual({ customer: '我的快递三天了还没到，太让人着急了', agent: '请提供订单号' });
    expect(f.suggestion).toMatch(/[\u4e00-\u9fff]/u);
    expect(f.suggestion).toContain('我理解您的心情');
  });

  it('Chinese: an acknowledgement only in the 3rd agent reply is late', () => {
    const r = analyzer.analyzeConversation(
      conversation('C: 我的快递三天了还没到，太让人着急了', 'A: 请提供订单号', 'C: 123456', 'A: 好的，稍等', 'C: 怎么还没查到？', 'A: 非常抱歉让您久等了，我理解您的心情。'),
    );
    expect(r.moves.acknowledgement).toBe('late');
    expect(findingFor(r.findings, 'acknowledgement')).toMatchObject({ kind: 'late', turn: 0, agentTurn: 5 });
  });

  it('English and Chinese: "???" with no word of feeling calls for an answer, not for acknowledgement', () => {
    const en = analyzer.analyzeConversation(conversation('C: Can I still get the member discount today???', 'A: Yes, the member discount runs until midnight.', 'C: Great.'));
    expect(en.turns[0]!.emotion?.polarity).toBe('negative');
    expect(en.turns[0]!.needs).toContain('solution');
    expect(en.turns[0]!.needs).not.toContain('acknowledgement');
    expect(en.moves.acknowledgement).toBe('not_expected');
    const zh = analyzer.analyzeConversation(conversation('C: 今天还能参加会员活动吗？？？', 'A: 可以的', 'C: 好的'));
    expect(zh.turns[0]!.needs).not.toContain('acknowledgement');
    expect(zh.moves.acknowledgement).toBe('not_expected');
    // With words of trouble the same marks still call for acknowledgement.
    const trouble = analyzer.analyzeConversation(conversation('C: My parcel never arrived!!!', 'A: Please send me the order number.', 'C: 1234'));
    expect(trouble.moves.acknowledgement).toBe('missing');
  });

  it('Chinese: an A-not-A question (带不带) is a request, answered by a direct reply', () => {
    const r = analyzer.analyzeConversation(conversation('C: 我这个订单带不带游戏手柄', 'A: 没有的哦', 'C: 好的'));
    expect(r.turns[0]!.needs).toContain('solution');
    expect(r.moves.solution).toBe('present');
  });

  it('English: an agent who tried to call the customer back has acted on the request', () => {
    const r = analyzer.analyzeConversation(
      conversation('C: My flight leaves in an hour and I will miss bag drop. Is there anyone I can contact?', "A: I've tried calling you, but it goes straight to voicemail. Do you have another number?", 'C: Try 555 0100.'),
    );
    expect(r.moves.solution).toBe('present');
  });

  it('Chinese: blaming the customer is negative language', () => {
    const r = analyzer.analyzeConversation(conversation('C: 我根本没收到快递，能帮我查一下吗？', 'A: 这不归我们管，你去找快递公司。'));
    expect(r.findings.filter((f) => f.kind === 'negative_language').map((f) => f.turn)).toEqual([1]);
  });
});
