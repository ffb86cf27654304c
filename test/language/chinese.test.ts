import { describe, expect, it } from 'vitest';
import { createChineseKit, normaliseChinese } from '../../src/language/chinese.js';
import { loadLexicon } from '../../src/language/lexicon.js';

const kit = createChineseKit();

/** Ids of the lexicon entries a text carries, sentence by sentence, as the detectors read them. */
function matches(lexiconName: string, text: string): string[] {
  const lexicon = loadLexicon('zh', lexiconName);
  const ids: string[] = [];
  for (const sentence of kit.view(text).sentences) {
    if (lexicon.exclude.some((entry) => entry.re.test(sentence.norm))) continue;
    for (const entry of lexicon.entries) {
      const m = entry.re.exec(sentence.norm);
      if (!m || (entry.negatable && kit.isNegated(sentence.norm, m.index))) continue;
      ids.push(entry.id);
      break;
    }
  }
  return ids;
}

describe('traditional Chinese is folded to simplified before matching', () => {
  it.each([
    ['acknowledgement', '我非常理解您的心情', '我非常理解您的心情'],
    ['acknowledgement', '我能體諒您的感受', '我能体谅您的感受'],
    ['acknowledgement', '給您帶來不便，非常抱歉', '给您带来不便，非常抱歉'],
    ['acknowledgement', '讓您久等了', '让您久等了'],
    ['apology', '對不起，給您添麻煩了', '对不起，给您添麻烦了'],
    ['solution', '這邊馬上為您補發', '这边马上为您补发'],
    ['solution', '已經為您申請退款', '已经为您申请退款'],
  ])('%s: %s matches like %s', (lexicon, traditional, simplified) => {
    const found = matches(lexicon, traditional);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(matches(lexicon, simplified));
  });

  it('keeps the original text for evidence and normalises only the matching form', () => {
    const [sentence] = kit.view('為您補發').sentences;
    expect(sentence?.text).toBe('為您補發');
    expect(sentence?.norm).toBe('为您补发');
  });

  it('folds full-width letters and digits but keeps Chinese punctuation', () => {
    expect(normaliseChinese('ＡＢＣ１２３，好的！')).toBe('abc123，好的！');
  });
});

describe('sentence splitting', () => {
  const split = (text: string) => kit.view(text).sentences.map((s) => s.text);

  it('ends a sentence at Chinese punctuation', () => {
    expect(split('您好。请问有什么可以帮您？好的！')).toEqual(['您好。', '请问有什么可以帮您？', '好的！']);
  });

  it('keeps a run of end marks with its sentence (？？？ insists once, it is not three sentences)', () => {
    expect(split('到底什么时候到？？？还没收到！！您好')).toEqual(['到底什么时候到？？？', '还没收到！！', '您好']);
  });

  it('ends a sentence at a space between Han characters, as chat agents type', () => {
    expect(split('好的 我帮您查一下 请稍等')).toEqual(['好的', '我帮您查一下', '请稍等']);
  });

  it('does not split after a word that cannot end a clause', () => {
    expect(split('我帮您 联系下站点 您稍等')).toEqual(['我帮您 联系下站点', '您稍等']);
  });

  it('ends a sentence at a half-width full stop between Han characters (Weibo style)', () => {
    expect(split('非常抱歉.我们会尽快为您处理.')).toEqual(['非常抱歉.', '我们会尽快为您处理.']);
  });

  it('keeps numbers, versions and Latin words together', () => {
    expect(split('系统版本1.5.2已推送')).toEqual(['系统版本1.5.2已推送']);
    expect(split('iPhone 6 的电池')).toEqual(['iPhone 6 的电池']);
  });
});

describe('negation', () => {
  it.each(['无法为您补发', '没有办法为您取消了呢', '不能帮您退款', '這邊無法為您補發'])('%s is not a solution', (text) => {
    expect(matches('solution', text)).toEqual([]);
  });

  it.each(['已为您申请补发', '不好意思，这边为您补发', '非常乐意为您补发', '不好意思为您补发一件'])('%s is a solution', (text) => {
    expect(matches('solution', text)).not.toEqual([]);
  });

  it('reads negation only inside the clause before the phrase', () => {
    const norm = '这个不能退，可以为您补发';
    expect(kit.isNegated(norm, norm.indexOf('为您'))).toBe(false);
    expect(kit.isNegated('无法为您补发', 2)).toBe(true);
  });
});

describe('redaction tokens', () => {
  it('become placeholders in the normalised text', () => {
    expect(normaliseChinese('订单[订单x]的金额是[金额x]')).toBe('订单<x>的金额是<x>');
  });

  it('never become content words', () => {
    const view = kit.view('[姓名x]您好，[订单x]这个订单[数字x]天后送达 [电话x] [地址x][金额x]');
    for (const word of view.words) {
      expect(word).not.toMatch(/x|姓名|数字|电话|地址|金额/u);
    }
    expect(view.words).toContain('订单');
  });
});

describe('lexicons follow the labelling rules', () => {
  it('an opening "how can I help" is an open question, not a solution', () => {
    const text = '有什么问题我可以帮您处理或解决呢?';
    expect(matches('open-question', text)).not.toEqual([]);
    expect(matches('solution', text)).toEqual([]);
  });

  it('the closing "anything else?" is neither', () => {
    const text = '请问还有其他还可以帮到您的吗?';
    expect(matches('open-question', text)).toEqual([]);
    expect(matches('solution', text)).toEqual([]);
  });

  it.each(['请您稍等', '正在为您查询，请稍等', '我们会反馈的', '还请您提供订单号噢'])('%s is not a solution', (text) => {
    expect(matches('solution', text)).toEqual([]);
  });

  it.each(['是的呢', '预计明天送达', '请您私信提供号码，以便为您核实处理', '这边帮您升级给专员处理', '您重新下单即可'])(
    '%s is a solution',
    (text) => {
      expect(matches('solution', text)).not.toEqual([]);
    },
  );

  it('a sorry that only softens a refusal is not acknowledgement', () => {
    expect(matches('acknowledgement', '非常抱歉呢，这个订单无法取消呢')).toEqual([]);
    expect(matches('acknowledgement', '非常抱歉给您带来不便，这个订单无法取消')).not.toEqual([]);
  });

  it('a flat refusal is a refusal; one with its reason is information', () => {
    expect(matches('refusal', '这个不能的哦')).not.toEqual([]);
    expect(matches('refusal', '该类订单因已出库不能修改地址，您可以拒收后重新下单')).toEqual([]);
  });

  it('paraphrase cues are checking questions, not any "you want"', () => {
    expect(matches('paraphrase', '您的意思是没有收到这款商品吗?')).not.toEqual([]);
    expect(matches('paraphrase', '如您想实时了解进度，可以在订单详情查看')).toEqual([]);
    expect(matches('paraphrase', '是这个订单是吗')).toEqual([]);
  });
});
