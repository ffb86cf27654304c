// Bytes → text: UTF-8 with or without BOM, UTF-16 LE/BE by BOM, GB18030 when the bytes are Chinese double-byte
// text; every other byte sequence is reported with its offset, never turned into mojibake.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, firstInvalidGb18030, firstInvalidUtf16, firstInvalidUtf8 } from '../../src/ingest/decode.js';
import { readInputs } from '../../src/ingest/read.js';
import { fmt, fx, gist } from './helpers.js';

const utf16 = (text: string, bom: 'le' | 'be'): Uint8Array => {
  const le = Buffer.from(text, 'utf16le');
  if (bom === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
};

describe('decode', () => {
  it('reads UTF-8 and strips its BOM', () => {
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toEqual({ ok: true, text: 'hi', encoding: 'utf-8' });
    expect(decode(Buffer.from('客服：您好'))).toEqual({ ok: true, text: '客服：您好', encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE by their byte-order mark', () => {
    expect(decode(utf16('客服：您好\r\nAgent: hi', 'le'))).toEqual({ ok: true, text: '客服：您好\r\nAgent: hi', encoding: 'utf-16le' });
    expect(decode(utf16('客服：您好 😀', 'be'))).toEqual({ ok: true, text: '客服：您好 😀', encoding: 'utf-16be' });
  });

  it('reports an unpaired surrogate in UTF-16 with its byte offset', () => {
    const bytes = Buffer.concat([utf16('ab', 'le'), Buffer.from([0x3d, 0xd8, 0x41, 0x00])]);
    expect(firstInvalidUtf16(bytes, true)).toBe(6);
    expect(decode(bytes)).toEqual({
      ok: false,
      reason: 'not valid UTF-16LE (as its byte-order mark says it is): invalid sequence at byte offset 6 (0x3D 0xD8 0x41 0x00)',
    });
  });

  it('refuses UTF-16 without a byte-order mark instead of reading NUL-riddled text', () => {
    const r = decode(Buffer.from('Agent: hello there\n', 'utf16le'));
    expect(r).toEqual({ ok: false, reason: 'looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)' });
  });

  it('reads GB18030/GBK bytes as Chinese and says so', () => {
    const gbk = new Uint8Array([0xbf, 0xcd, 0xb7, 0xfe, 0xa3, 0xba, 0xc4, 0xfa, 0xba, 0xc3]); // 客服：您好
    expect(decode(gbk)).toEqual({ ok: true, text: '客服：您好', encoding: 'gb18030' });
  });

  it('reports the byte offset of the first invalid UTF-8 sequence', () => {
    const bytes = new Uint8Array([...Buffer.from('客服：'), 0xc3, 0x28]);
    expect(firstInvalidUtf8(bytes)).toBe(9);
    expect(decode(bytes)).toEqual({
      ok: false,
      reason: 'not valid UTF-8: invalid byte sequence at byte offset 9 (0xC3 0x28); save the file as UTF-8',
    });
  });

  it('finds overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8(Buffer.from('ok 你好 😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1); // overlong "/"
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]))).toBe(2); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe4, 0xbd]))).toBe(1); // truncated
    expect(firstInvalidUtf8(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0); // above U+10FFFF
  });

  it('does not take Latin-1 text (accents before ASCII letters) for GB18030', () => {
    // "naïve café olé" in Latin-1: GBK would accept 0xEF 0x76 as a character, heard does not guess.
    const latin1 = Buffer.from('Customer: na\u00efve caf\u00e9 ol\u00e9 \u00e0 la carte\n', 'latin1');
    const r = decode(latin1);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(/^not valid UTF-8: invalid byte sequence at byte offset 12 /);
  });

  it('finds the first byte that is not GB18030', () => {
    expect(firstInvalidGb18030(new Uint8Array([0x41, 0xc4, 0xe3, 0x81, 0x30, 0x81, 0x30]))).toBe(-1); // A 你 + four-byte
    expect(firstInvalidGb18030(new Uint8Array([0xc4, 0xe3, 0xff, 0x41]))).toBe(2);
    expect(firstInvalidGb18030(new Uint8Array([0xc4, 0x20]))).toBe(0);
  });
});

describe('readInputs and encodings', () => {
  it('reads the GB18030 CSV from a Chinese platform as its UTF-8 twin, with a notice', async () => {
    const gb = await readInputs([fmt('zh-platform-gb18030.csv')]);
    expect(gb.notices).toEqual([{ source: fmt('zh-platform-gb18030.csv'), message: 'read as GB18030 (not UTF-8)' }]);
    const twin = await readInputs([fmt('zh-platform-gb18030.txt')]);
    expect(twin.notices).toEqual([]);
    expect(gb.conversations.map((c) => gist(c))).toEqual(twin.conversations.map((c) => gist(c)));
    expect(gb.conversations[0]!.turns[1]!.text).toBe('我的订单[数字x]显示已签收，可是我根本没收到货！');
  });

  it('reads a UTF-16LE WebVTT file (CRLF line ends) as its UTF-8 original', async () => {
    const wide = await readInputs([fx('support-call-utf16le.vtt')]);
    const narrow = await readInputs([fmt('support-call.vtt')]);
    expect(wide.notices[0]).toEqual({ source: fx('support-call-utf16le.vtt'), message: 'read as UTF-16LE (not UTF-8)' });
    const same = (r: typeof wide): unknown => r.conversations.map((c) => ({ ...c, id: 'x', source: null, turns: c.turns.map((t) => ({ ...t, source: t.source.line })) }));
    expect(same(wide)).toEqual(same(narrow));
    expect(wide.conversations[0]!.turns).toHaveLength(16);
  });

  it('reports invalid byte sequences with the file and offset, and reads the other files', async () => {
    const r = await readInputs([fx('broken-utf16.vtt'), fx('broken-utf8-zh.txt'), fx('broken-gb18030.csv'), fmt('card-call.srt')]);
    expect(r.skipped).toEqual([
      {
        source: fx('broken-utf16.vtt'),
        reason: 'not valid UTF-16LE (as its byte-order mark says it is): invalid sequence at byte offset 114 (0x3D 0xD8 0x78 0x00)',
      },
      // Mostly valid UTF-8 with one damaged byte: reported, not re-read as GB18030 mojibake.
      {
        source: fx('broken-utf8-zh.txt'),
        reason: 'not valid UTF-8: invalid byte sequence at byte offset 91 (0xFF 0xE6 0x80 0x8E); save the file as UTF-8',
      },
      {
        source: fx('broken-gb18030.csv'),
        reason:
          'not valid GB18030 (the bytes are not UTF-8 and read as Chinese GB18030/GBK text): invalid byte sequence at byte offset 40 (0xFF 0xA3 0xAC 0xD0)',
      },
    ]);
    expect(r.conversations.map((c) => c.id)).toEqual(['card-call']);
    expect(readFileSync(fx('broken-utf8-zh.txt'))[91]).toBe(0xff);
  });
});
