// The config changes what is judged, and only what it says: custom phrases (en and zh), disabled moves, weights,
// late credit, the acknowledgement window, auto-fail, the Chinese dictionary, and the record in every report.
import { describe, expect, it } from 'vitest';
import { buildReport, createAnalyzer } from '../../src/analyze.js';
import { validateConfig } from '../../src/config/load.js';
import { DEFAULT_SETTINGS } from '../../src/config/defaults.js';
import type { Settings } from '../../src/config/defaults.js';
import { configMismatch, configRecord } from '../../src/config/record.js';
import { languageKit } from '../../src/language/index.js';
import { mergeDictionaryWords } from '../../src/language/chinese.js';
import type { Conversation } from '../../src/model/conversation.js';
import { conversationWith } from '../helpers/conversation.js';

function settingsOf(config: unknown): Settings {
  const result = validateConfig(config);
  if (!result.ok) throw new Error(result.error.issues.join('\n'));
  return result.value.settings;
}

async function analyse(config: unknown, conversation: Conversation) {
  const analyzer = await createAnalyzer({ settings: settingsOf(config) });
  return analyzer.analyzeConversation(conversation);
}

const CHARGED_TWICE = "C: I've been charged twice for my order and nobody answers my emails!";
const en = (...agent: string[]) => conversationWith({ language: 'en' }, CHARGED_TWICE, ...agent, 'C: ok thanks');
const LATE_ORDER = 'C: 我的订单已经一个星期了还没发货，太气人了！';
const zh = (...agent: string[]) => conversationWith({ language: 'zh' }, LATE_ORDER, ...agent, 'C: 好的');

describe('custom phrases change judgements', () => {
  it('en: an added brand phrase counts as acknowledgement, with the config as the rule that fired', async () => {
    const conversation = en('A: Thanks for bearing with us. I will refund the extra charge today.');
    expect((await analyse({}, conversation)).moves.acknowledgement).toBe('missing');
    const result = await analyse({ phrases: { en: { acknowledgement: { add: ['Thanks for bearing with us'] } } } }, conversation);
    expect(result.moves.acknowledgement).toBe('present');
    expect(result.turns[1]!.detections.find((d) => d.id === 'acknowledgement')).toMatchObject({ rule: 'Thanks for bearing with us', quote: 'Thanks for bearing with us.' });
  });

  it('en: an added regex with an id and a note', async () => {
    const conversation = en("A: We're on the case. I will refund the extra charge today.");
    const result = await analyse({ phrases: { en: { acknowledgement: { add: [{ regex: "\\bwe're on (?:it|the case)\\b", id: 'brand-on-it', note: 'our brand acknowledgement' }] } } } }, conversation);
    expect(result.moves.acknowledgement).toBe('present');
    expect(result.turns[1]!.detections[0]).toMatchObject({ id: 'acknowledgement', rule: 'brand-on-it' });
    expect(result.turns[1]!.detections[0]!.why).toContain('our brand acknowledgement');
  });

  it('en: literal phrases match whole words only', async () => {
    const conversation = en('A: I will refund the extra charge today, booking confirmed.');
    const result = await analyse({ phrases: { en: { acknowledgement: { add: ['ok'] } } } }, conversation);
    expect(result.moves.acknowledgement).toBe('missing');
  });

  it('en: an ignored phrase stops counting, the rest of the sentence still counts', async () => {
    const canned = en("A: I'm sorry for the inconvenience. I will refund the extra charge today.");
    expect((await analyse({}, canned)).moves.acknowledgement).toBe('present');
    const ignored = { phrases: { en: { acknowledgement: { ignore: ['sorry for the inconvenience'] } } } };
    expect((await analyse(ignored, canned)).moves.acknowledgement).toBe('missing');
    const real = en("A: I'm sorry for the inconvenience, I can see how frustrating this is. I will refund the extra charge today.");
    expect((await analyse(ignored, real)).moves.acknowledgement).toBe('present');
  });

  it('en: an ignored built-in entry id is dropped', async () => {
    const conversation = en("A: I'm sorry for the inconvenience. I will refund the extra charge today.");
    const result = await analyse({ phrases: { en: { acknowledgement: { ignore: ['sorry-about-trouble'] } } } }, conversation);
    expect(result.turns[1]!.detections.map((d) => d.rule)).not.toContain('sorry-about-trouble');
    expect(languageKit('en', settingsOf({ phrases: { en: { acknowledgement: { ignore: ['sorry-about-trouble'] } } } })).lexicon('acknowledgement').entries.map((e) => e.id)).not.toContain('sorry-about-trouble');
  });

  it('zh: an added phrase counts as acknowledgement', async () => {
    const conversation = zh('A: 小蜜一直陪着您，我马上为您催促仓库发货。');
    expect((await analyse({}, conversation)).moves.acknowledgement).toBe('missing');
    const result = await analyse({ phrases: { zh: { acknowledgement: { add: ['小蜜一直陪着您'] } } } }, conversation);
    expect(result.moves.acknowledgement).toBe('present');
  });

  it('zh: an ignored phrase, written in traditional characters, stops counting in simplified text', async () => {
    const conversation = zh('A: 抱歉给您添麻烦了，我马上为您催促仓库发货。');
    expect((await analyse({}, conversation)).moves.acknowledgement).toBe('present');
    const result = await analyse({ phrases: { zh: { acknowledgement: { ignore: ['給您添麻煩了'] } } } }, conversation);
    expect(result.moves.acknowledgement).toBe('missing');
  });

  it('phrases of one language leave the other alone', async () => {
    const conversation = zh('A: 小蜜一直陪着您，我马上为您催促仓库发货。');
    expect((await analyse({ phrases: { en: { acknowledgement: { add: ['小蜜一直陪着您'] } } } }, conversation)).moves.acknowledgement).toBe('missing');
  });

  it('negative_language: an added phrase flags the turn', async () => {
    const conversation = en('A: Per our policy, I will refund the extra charge today.');
    const result = await analyse({ phrases: { en: { negative_language: { add: ['per our policy'] } } } }, conversation);
    expect(result.turns[1]!.flags).toContain('negative_language');
  });
});

describe('moves: enabled and weights', () => {
  it('a disabled move is never expected nor detected', async () => {
    const conversation = en("A: I'm so sorry, that's frustrating. I will refund the extra charge today.");
    const result = await analyse({ moves: { acknowledgement: { enabled: false }, apology: { enabled: false } } }, conversation);
    expect(result.moves.acknowledgement).toBe('not_expected');
    expect(result.turns[1]!.moves).not.toContain('acknowledgement');
    expect(result.turns[1]!.moves).not.toContain('apology');
    expect(result.turns[0]!.needs).not.toContain('acknowledgement');
  });

  it('weights change the score as documented: share = Σ weight × credit / Σ expected weight', async () => {
    // acknowledgement missing, paraphrase missing, solution present; the customer ends positive.
    const conversation = en('A: I will refund the extra charge today.');
    const base = await analyse({}, conversation);
    expect(base.moves).toEqual({ acknowledgement: 'missing', paraphrase: 'missing', solution: 'present' });
    expect(base.scoreParts!.moves).toBe(Math.round(100 * 0.4));
    const outcome = base.scoreParts!.outcome / 100;
    const weighted = await analyse({ moves: { solution: { weight: 2 }, acknowledgement: { weight: 1 }, paraphrase: { weight: 1 } } }, conversation);
    expect(weighted.scoreParts!.moves).toBe(50);
    expect(weighted.score).toBe(Math.round(100 * (0.35 * 0.5 + 0.65 * outcome)));
    const blended = await analyse({ score: { blend: { moves: 1, outcome: 0 } } }, conversation);
    expect(blended.score).toBe(40);
  });

  it('late credit: a late acknowledgement earns the configured share of its weight', async () => {
    const conversation = conversationWith(
      { language: 'en' },
      CHARGED_TWICE,
      'A: Let me look into the order.',
      'A: Please hold on.',
      "A: I'm so sorry, I can see how frustrating this is. I will refund the extra charge today.",
      'C: ok thanks',
    );
    const late = await analyse({ moves: { paraphrase: { enabled: false } }, score: { blend: { moves: 1, outcome: 0 } } }, conversation);
    expect(late.moves.acknowledgement).toBe('late');
    expect(late.score).toBe(Math.round(100 * ((0.35 * 0.5 + 0.4) / 0.75)));
    const none = await analyse({ late: { credit: 0 }, moves: { paraphrase: { enabled: false } }, score: { blend: { moves: 1, outcome: 0 } } }, conversation);
    expect(none.score).toBe(Math.round(100 * (0.4 / 0.75)));
    const wide = await analyse({ acknowledgement: { window: { turns: 3 } } }, conversation);
    expect(wide.moves.acknowledgement).toBe('present');
  });

  it('the acknowledgement window in seconds applies to timed transcripts', async () => {
    const timed = conversationWith({ language: 'en' }, CHARGED_TWICE, 'A: Let me look into the order.', "A: I'm so sorry, I can see how frustrating this is.", 'C: ok thanks');
    [0, 20, 30, 60].forEach((start, i) => (timed.turns[i]!.start = start));
    expect((await analyse({}, timed)).moves.acknowledgement).toBe('present');
    expect((await analyse({ acknowledgement: { window: { seconds: 15 } } }, timed)).moves.acknowledgement).toBe('late');
    expect((await analyse({ acknowledgement: { window: { turns: 1, seconds: 45 } } }, timed)).moves.acknowledgement).toBe('present');
  });
});

describe('auto-fail', () => {
  it('negative language scores 0, with a finding naming the rule', async () => {
    const conversation = en('A: As I said, I will refund the extra charge today.');
    const base = await analyse({}, conversation);
    expect(base.turns[1]!.flags).toContain('negative_language');
    expect(base.score).toBeGreaterThan(0);
    const failed = await analyse({ autoFail: ['negative_language'] }, conversation);
    expect(failed.score).toBe(0);
    expect(failed.scoreParts).toMatchObject({ score: 0, autoFail: ['negative_language'], moves: base.scoreParts!.moves });
    const finding = failed.findings.find((f) => f.kind === 'auto_fail');
    expect(finding).toMatchObject({ rule: 'negative_language', turn: 1, evidence: { agent: 'As I said, I will refund the extra charge today.' } });
    expect(finding!.message).toMatch(/^Auto-fail rule "negative_language": .* The conversation scores 0\.$/u);
  });

  it('missing:solution fires only when the solution is missing', async () => {
    const solved = await analyse({ autoFail: ['missing:solution'] }, en('A: I will refund the extra charge today.'));
    expect(solved.score).toBeGreaterThan(0);
    expect(solved.findings.some((f) => f.kind === 'auto_fail')).toBe(false);
    const unsolved = await analyse({ autoFail: ['missing:solution'] }, en("A: I'm so sorry, I can see how frustrating this is."));
    expect(unsolved.moves.solution).toBe('missing');
    expect(unsolved.score).toBe(0);
    expect(unsolved.findings.filter((f) => f.kind === 'auto_fail').map((f) => f.rule)).toEqual(['missing:solution']);
  });

  it('late:<move> fires on late and missing moves', async () => {
    const conversation = conversationWith({ language: 'en' }, CHARGED_TWICE, 'A: Let me look into it.', 'A: Please hold on.', "A: I'm so sorry, I can see how frustrating this is. I will refund the extra charge today.", 'C: ok thanks');
    const result = await analyse({ autoFail: ['late:acknowledgement', 'missing:acknowledgement'] }, conversation);
    expect(result.scoreParts?.autoFail).toEqual(['late:acknowledgement']);
  });
});

describe('language', () => {
  it('default: the language of conversations that do not state one', async () => {
    const conversation = conversationWith({}, 'C: My order never arrived!', 'A: I will resend it today.');
    expect((await analyse({}, conversation)).language).toBe('en');
    expect((await analyse({ language: { default: 'zh' } }, conversation)).language).toBe('zh');
  });

  it('dictionary: adjacent segments forming a listed word are merged', () => {
    const segments = [{ segment: '荣耀', isWordLike: true }, { segment: '手环', isWordLike: true }, { segment: '坏', isWordLike: true }, { segment: '了', isWordLike: true }];
    expect(mergeDictionaryWords(segments, { words: new Set(['荣耀手环']), longest: 4 }).map((s) => s.segment)).toEqual(['荣耀手环', '坏', '了']);
    const kit = languageKit('zh', settingsOf({ language: { dictionary: { zh: ['荣耀手环'] } } }));
    const plain = languageKit('zh');
    const text = '我的荣耀手环充不进电';
    expect(kit.view(text).words).toContain('荣耀手环');
    expect(plain.view(text).words).not.toContain('荣耀手环');
  });
});

describe('roles: the agent id', () => {
  it('agentId takes the id from the agent name by its first capture group; other names stay as they are', async () => {
    const config = { roles: { agentId: { regex: '#(\\d+)$' } } };
    const named = (agent: string) => conversationWith({ agent }, 'C: Where is my parcel?', 'A: It ships today.');
    expect((await analyse(config, named('Maria #4411'))).agent).toBe('4411');
    expect((await analyse(config, named('Maria'))).agent).toBe('Maria');
    expect((await analyse({}, named('Maria #4411'))).agent).toBe('Maria #4411');
  });

  it('a pattern without a capture group is a config error naming the key', () => {
    const result = validateConfig({ roles: { agentId: { regex: '#\\d+$' } } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.join('\n')).toMatch(/roles\.agentId\.regex.*capture group/u);
  });
});

describe('the config in the report', () => {
  it('the analyzer records the hash, file and settings; buildReport puts them in the report', async () => {
    const settings = settingsOf({ autoFail: ['negative_language'] });
    const analyzer = await createAnalyzer({ settings, configFile: '.heardrc.yaml' });
    expect(analyzer.config).toEqual(configRecord(settings, '.heardrc.yaml'));
    const report = buildReport([analyzer.analyzeConversation(en('A: I will refund the extra charge today.'))], [], analyzer.config);
    expect(report.config).toMatchObject({ file: '.heardrc.yaml', hash: analyzer.config.hash });
    expect(report.config!.settings).toEqual(JSON.parse(JSON.stringify(settings)));
  });

  it('the hash is stable, and changes with any setting', async () => {
    const a = configRecord(settingsOf({}));
    expect(a.hash).toMatch(/^[0-9a-f]{16}$/u);
    expect(configRecord(settingsOf({ moves: { acknowledgement: { weight: 0.35 } } })).hash).toBe(a.hash);
    expect(configRecord(DEFAULT_SETTINGS).hash).toBe(a.hash);
    expect(configRecord(settingsOf({ late: { credit: 0.4 } })).hash).not.toBe(a.hash);
  });

  it('same input and config give the same output', async () => {
    const config = { phrases: { en: { acknowledgement: { add: ['thanks for bearing with us'] } } }, autoFail: ['missing:solution'] };
    const conversation = en('A: Thanks for bearing with us.');
    expect(await analyse(config, conversation)).toEqual(await analyse(config, conversation));
  });

  it('configMismatch: undefined when the hashes match, a warning naming the differing settings when not', () => {
    const defaults = { config: configRecord(settingsOf({})) };
    const custom = { config: configRecord(settingsOf({ late: { credit: 0 } }), 'heard.config.json') };
    expect(configMismatch(defaults, defaults)).toBeUndefined();
    expect(configMismatch(defaults, {})).toBeUndefined();
    const warning = configMismatch(custom, defaults);
    expect(warning).toContain('late.credit');
    expect(warning).toContain(custom.config.hash);
    expect(configMismatch(custom, {})).toMatch(/records no config/u);
  });
});
