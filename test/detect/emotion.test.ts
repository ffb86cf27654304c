// The customer's reading: which cues an intensity mark gives, and that punctuation alone still counts in it.
import { describe, expect, it } from 'vitest';
import { CAPITALS_CUE, PUNCTUATION_CUE, readEmotion } from '../../src/detect/emotion.js';
import { languageKit } from '../../src/language/index.js';

function read(language: 'en' | 'zh', text: string) {
  const kit = languageKit(language);
  return readEmotion(kit.view(text), kit);
}

describe('readEmotion: intensity marks', () => {
  it('names punctuation alone as punctuation, and it still reads negative', () => {
    const en = read('en', 'Can I still join the promo today???');
    expect(en.polarity).toBe('negative');
    expect(en.cues).toEqual([PUNCTUATION_CUE]);
    const zh = read('zh', '今天还能参加活动吗？？？');
    expect(zh.polarity).toBe('negative');
    expect(zh.cues).toEqual([PUNCTUATION_CUE]);
  });

  it('names shouting as capitals', () => {
    expect(read('en', 'FIX THE APP NOW').cues).toContain(CAPITALS_CUE);
  });

  it('adds punctuation to words of trouble', () => {
    const e = read('en', 'My parcel never arrived!!!');
    expect(e.polarity).toBe('negative');
    expect(e.cues).toContain(PUNCTUATION_CUE);
    expect(e.cues.length).toBeGreaterThan(1);
  });
});
