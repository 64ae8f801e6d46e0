import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLuocdoError } from '../../src/errors.js';
import { projectRoot } from '../../src/paths.js';
import { docToText, readDoc } from '../../src/read/doc.js';
import {
  CP1252_HIGH,
  CP1258_TO_UNICODE,
  TCVN3_TO_UNICODE,
  VIETNAMESE_LETTERS,
  decodeByFont,
  decodeCp1258,
  decodeTcvn3,
  decodeViqr,
  decodeVni,
  detectLegacyBytes,
  detectLegacyText,
  encodeCp1258,
  encodeTcvn3,
  encodeTcvn3Runs,
  encodeViqr,
  encodeVni,
  fontEncoding,
  isVietnameseSyllable,
  makeMojibake,
} from '../../src/read/legacy/index.js';

// Legacy Vietnamese encodings: the tables against the standards and Node's own decoders, round trips
// over every letter, and detection on the seeds encoded here — which must never touch genuine UTF-8.

const seedDir = join(projectRoot(), 'seeds');
const seeds = readdirSync(seedDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(join(seedDir, f), 'utf8').normalize('NFC') }));
/** Bytes as a Windows font shows them (Node 20's TextDecoder takes the label windows-1252 for Latin-1). */
const asCp1252 = (bytes: Uint8Array) =>
  [...bytes].map((b) => CP1252_HIGH.get(b) ?? String.fromCharCode(b)).join('');
const fixture = (f: string) => readFileSync(join(projectRoot(), 'test', 'fixtures', 'read', f));

const TONED_CAPITALS = new Set(
  VIETNAMESE_LETTERS.filter((c) => c !== c.toLowerCase() && !'ĂÂÊÔƠƯĐ'.includes(c)),
);
/** A character the VN3 repertoire (or a free cp1252 byte) holds, in some case. */
const inVn3 = (c: string) => encodeTcvn3(c)[0] !== 0x3f || c === '?';
const inVni = (c: string) => encodeVni(c)[0] !== 0x3f || c === '?';

/** Vietnamese text as fast-check draws it: every letter of the alphabet, ASCII, spaces and marks. */
const vietnamese = (extra: string[] = []) =>
  fc
    .array(
      fc.constantFrom(...VIETNAMESE_LETTERS, ...'abcdghklmnpqrstvxyABDGHKLNTX0123 ,.-/'.split(''), ...extra),
      {
        maxLength: 80,
      },
    )
    .map((a) => a.join(''));

describe('the tables', () => {
  it('TCVN3 (VN3) holds the 67 lower-case letters, the 7 toneless capitals and the no-break space', () => {
    const values = [...TCVN3_TO_UNICODE.values()];
    expect(values).toHaveLength(75);
    const lower = VIETNAMESE_LETTERS.filter((c) => c === c.toLowerCase());
    expect(lower).toHaveLength(67);
    for (const c of [...lower, 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', '\u00a0']) expect(values).toContain(c);
    expect(decodeTcvn3(Uint8Array.of(0x43, 0x68, 0xd8, 0x20, 0x74, 0x68, 0xde, 0x20, 0x73, 0xe8))).toBe(
      'Chỉ thị số',
    );
  });

  it('keeps TCVN3 ư at byte 0xAD, the soft hyphen', () => {
    expect(TCVN3_TO_UNICODE.get(0xad)).toBe('ư');
    expect(decodeTcvn3(Uint8Array.of(0x6e, 0x67, 0xad, 0xea, 0x69))).toBe('người');
    expect(decodeByFont('ng\u00adêi \u00adu tiªn', '.VnTime')).toBe('người ưu tiên');
    expect(detectLegacyText('Ban Th\u00adêng vô TØnh ñy \u00adu tiªn').text).toBe(
      'Ban Thường vụ Tỉnh ủy ưu tiên',
    );
  });

  it('agrees with Node’s cp1258 decoder (ICU) on every byte, and on cp1252’s where the two share them', () => {
    for (let b = 0x80; b <= 0xff; b++) {
      const node = new TextDecoder('windows-1258').decode(Uint8Array.of(b));
      expect(CP1258_TO_UNICODE.get(b), `cp1258 ${b.toString(16)}`).toBe(node);
      if (b <= 0x9f && ![0x8a, 0x8e, 0x9a, 0x9e].includes(b)) {
        expect(CP1252_HIGH.get(b) ?? String.fromCharCode(b), `cp1252 ${b.toString(16)}`).toBe(node);
      }
    }
  });
});

describe('round trips: encoded with our table, decoded back to itself', () => {
  it('every letter alone, in every encoding', () => {
    for (const c of VIETNAMESE_LETTERS) {
      expect(decodeVni(encodeVni(c))).toBe(c);
      expect(decodeViqr(encodeViqr(c))).toBe(c);
      expect(decodeCp1258(encodeCp1258(c))).toBe(c);
      const runs = encodeTcvn3Runs(c).map((r) => decodeByFont(asCp1252(r.bytes), r.font));
      expect(runs.join('')).toBe(c);
      if (!TONED_CAPITALS.has(c)) expect(decodeTcvn3(encodeTcvn3(c))).toBe(c);
    }
  });

  it('any Vietnamese text, for VNI, cp1258, VIQR (with literal marks) and TCVN3 font runs', () => {
    fc.assert(
      fc.property(vietnamese(), (s) => {
        expect(decodeVni(encodeVni(s))).toBe(s);
        expect(decodeCp1258(encodeCp1258(s))).toBe(s);
        const runs = encodeTcvn3Runs(s).map((r) => decodeByFont(asCp1252(r.bytes), r.font));
        expect(runs.join('')).toBe(s);
        const lower = s.toLowerCase();
        expect(decodeTcvn3(encodeTcvn3(lower))).toBe(lower);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(vietnamese(["'", '`', '?', '~', '.', '(', '^', '+', '*', '\\', 'd', 'D', 'đ']), (s) => {
        expect(decodeViqr(encodeViqr(s))).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('the seed reports, for every character the encoding can hold', () => {
    for (const { text } of seeds) {
      const vni = [...text].map((c) => (inVni(c) ? c : '?')).join('');
      expect(decodeVni(encodeVni(text))).toBe(vni);
      const vn3 = [...text].map((c) => (inVn3(c) ? c : '?')).join('');
      const runs = encodeTcvn3Runs(text).map((r) => decodeByFont(asCp1252(r.bytes), r.font));
      expect(runs.join('')).toBe(vn3);
      expect(decodeViqr(encodeViqr(text))).toBe(text);
    }
  });
});

describe('fonts', () => {
  it('names the encoding of .Vn… and VNI… fonts, with subset prefixes and styles', () => {
    expect(fontEncoding('.VnTime')).toBe('tcvn3');
    expect(fontEncoding('ABCDEF+.VnArial,Bold')).toBe('tcvn3');
    expect(fontEncoding('VnTime-Italic')).toBe('tcvn3');
    expect(fontEncoding('.VnTimeH')).toBe('tcvn3-capitals');
    expect(fontEncoding('.VnArial NarrowH')).toBe('tcvn3-capitals');
    expect(fontEncoding('VNI-Times')).toBe('vni');
    expect(fontEncoding('QWERTY+VNI-Helve-Condense')).toBe('vni');
    for (const f of ['Times New Roman', 'Arial', 'Calibri', 'VNtimes new roman', 'Verdana']) {
      expect(fontEncoding(f)).toBeUndefined();
    }
  });

  it('decodes a run by its font; .VnTimeH capitals stored at the lower-case code points', () => {
    expect(decodeByFont('ChØ thÞ sè 22-CT/TU', '.VnTime')).toBe('Chỉ thị số 22-CT/TU');
    expect(decodeByFont('chØ thÞ sè 22-ct/tu', 'ABCDEF+.VnTimeH')).toBe('CHỈ THỊ SỐ 22-CT/TU');
    expect(decodeByFont('kÕ ho¹ch', '.VnTimeH')).toBe('KẾ HOẠCH');
    expect(decodeByFont('Chæ thò soá', 'VNI-Times')).toBe('Chỉ thị số');
    expect(decodeByFont('ChØ thÞ sè', 'Times New Roman')).toBe('ChØ thÞ sè');
    // A run can hold real Unicode already: it is kept.
    expect(decodeByFont('ChØ thị', '.VnTime')).toBe('Chỉ thị');
  });
});

describe('detection', () => {
  it('reads Unicode text holding TCVN3 look-alikes: ChØ thÞ sè → Chỉ thị số', () => {
    const d = detectLegacyText('ChØ thÞ sè 22-CT/TU ngµy 03/4/2017 cña Ban Th\u00adêng vô TØnh ñy');
    expect(d).toMatchObject({ text: 'Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy' });
    expect(d).toMatchObject({ encoding: 'tcvn3', decidedBy: 'trial', doubtful: false });
  });

  it('repairs UTF-8 read as cp1252', () => {
    expect(detectLegacyText('Chá»‰ thá»‹ sá»‘ 22-CT/TU')).toMatchObject({
      text: 'Chỉ thị số 22-CT/TU',
      encoding: 'cp1252-mojibake',
    });
    for (const { text } of seeds) {
      const d = detectLegacyText(makeMojibake(text));
      expect(d.encoding).toBe('cp1252-mojibake');
      expect(d.text).toBe(text);
    }
  });

  it('picks TCVN3 and VNI for each seed, as bytes and as cp1252 text, with every character right', () => {
    for (const { name, text } of seeds) {
      const vni = [...text].map((c) => (inVni(c) ? c : '?')).join('');
      const vn3 = [...text].map((c) => (inVn3(c) ? c : '?')).join('');
      for (const d of [detectLegacyBytes(encodeVni(text)), detectLegacyText(asCp1252(encodeVni(text)))]) {
        expect(d.encoding, name).toBe('vni');
        expect(d.text, name).toBe(vni);
        expect(d.doubtful, name).toBe(false);
      }
      for (const d of [detectLegacyBytes(encodeTcvn3(text)), detectLegacyText(asCp1252(encodeTcvn3(text)))]) {
        expect(d.encoding, name).toBe('tcvn3');
        expect(d.doubtful, name).toBe(false);
        // VN3 has no code for a toned capital (É, Ủ): plain TCVN3 bytes carry it in lower case, so
        // those letters are compared without case and every other character exactly.
        const got = [...d.text];
        const want = [...vn3].map((c, i) =>
          TONED_CAPITALS.has(c) && got[i]?.toUpperCase() === c ? got[i] : c,
        );
        expect(d.text, name).toBe(want.join(''));
      }
      const cp1258 = [...text].map((c) => (encodeCp1258(c)[0] !== 0x3f || c === '?' ? c : '?')).join('');
      expect(detectLegacyBytes(encodeCp1258(text))).toMatchObject({ encoding: 'cp1258', text: cp1258 });
    }
  });

  it('converts the legacy paragraph of a Unicode report and leaves every Unicode line as it was', () => {
    const sentence =
      'Đề nghị các xã ưu tiên nguồn lực thực hiện Chỉ thị số 22-CT/TU, gửi báo cáo trước ngày 15/12.';
    for (const { name, text } of seeds) {
      for (const [encoding, bytes] of [
        ['tcvn3', encodeTcvn3(sentence)],
        ['vni', encodeVni(sentence)],
      ] as const) {
        const d = detectLegacyText(`${text}\n${asCp1252(bytes)}\n${text}`);
        expect(d.encoding, name).toBe(encoding);
        expect(d.text === `${text}\n${sentence}\n${text}`, `${name} ${encoding}`).toBe(true);
      }
    }
  });

  it('reads VIQR only when the text is plainly VIQR', () => {
    const viqr = encodeViqr(
      'Thực hiện Chỉ thị số 22-CT/TU của Ban Thường vụ Tỉnh ủy về cải cách hành chính.',
    );
    expect(detectLegacyText(viqr)).toMatchObject({ encoding: 'viqr' });
    expect(detectLegacyText(viqr).text).toBe(
      'Thực hiện Chỉ thị số 22-CT/TU của Ban Thường vụ Tỉnh ủy về cải cách hành chính.',
    );
    // In the wild a sentence's full stop after a toned word is punctuation, not a second tone.
    const wild =
      "Ba'o ca'o ke^'t qua?. Thu+.c hie^.n Chi? thi. so^' 22-CT/TU cu?a Ban Thu+o+`ng vu. Ti?nh u?y ta.i Ha` No^.i.";
    expect(detectLegacyText(wild)).toMatchObject({
      encoding: 'viqr',
      text: 'Báo cáo kết quả. Thực hiện Chỉ thị số 22-CT/TU của Ban Thường vụ Tỉnh ủy tại Hà Nội.',
    });
    const english = "I'm sure you'd agree: the address was added. Was it? Yes. Do you see a way?";
    expect(detectLegacyText(english)).toMatchObject({ encoding: 'utf-8', text: english });
  });

  it('never changes genuine UTF-8: the seeds, decomposed text, and the development corpus', () => {
    for (const { text } of seeds) {
      for (const t of [text, text.normalize('NFD')]) {
        const d = detectLegacyBytes(new TextEncoder().encode(t));
        expect(d.encoding).toBe('utf-8');
        expect(d.text === t).toBe(true);
        expect(d.doubtful).toBe(false);
      }
    }
    // The corpus is not part of the project (see its README): the check runs where it is present, on
    // the head of each file to keep the unit lane quick; `npm run bench:read` runs it whole.
    const corpus = join(projectRoot(), '..', 'shared', 'corpus', 'vlc');
    if (!existsSync(corpus)) return;
    for (const f of readdirSync(corpus).filter((n) => n.endsWith('.txt'))) {
      const head = readFileSync(join(corpus, f), 'utf8').slice(0, 20_000);
      const d = detectLegacyText(head);
      expect(d.encoding, f).toBe('utf-8');
      expect(d.text === head, f).toBe(true);
    }
  });

  it('marks as doubtful bytes that no decoding makes Vietnamese', () => {
    const noise = Uint8Array.from({ length: 400 }, (_, i) => ((i * 37 + 11) % 256) | 0x80);
    expect(detectLegacyBytes(noise).doubtful).toBe(true);
  });

  it('validates syllables by onset, rhyme and tone', () => {
    for (const w of ['người', 'Chỉ', 'quyết', 'giữ', 'khuya', 'ĐẢNG', 'nghiêng', 'oái', 'xoong', 'ạ']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
    for (const w of ['ChØ', 'thá»‹', 'cỏc', 'hoặp', 'Cafộ', 'tHị', 'ngườii', 'kết'.normalize('NFD') + 'x']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});

describe('legacy Word .doc', () => {
  it('reads a .doc made by LibreOffice', async () => {
    const text = await docToText(fixture('bao-cao-22.doc'), 'bao-cao-22.doc');
    expect(text).toContain('Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy');
    expect(text).toContain('Kế hoạch số 70/KH-UBND');
    expect(text.replace(/\s+/g, ' ').trim()).toBe(
      readFileSync(join(projectRoot(), 'test', 'fixtures', 'read', 'bao-cao-22.txt'), 'utf8')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  });

  it('reads body, footnote and header, and the paragraph typed in .VnTime, ư included', async () => {
    const r = await readDoc(fixture('bao-cao-vntime.doc'), 'bao-cao-vntime.doc');
    expect(r.legacy).toMatchObject({ encoding: 'tcvn3', doubtful: false });
    expect(r.text).toContain('Triển khai Kế hoạch số 70/KH-UBND của Ủy ban nhân dân tỉnh');
    expect(r.text).toContain(
      'Đề nghị các xã ưu tiên nguồn lực thực hiện Chỉ thị số 22-CT/TU, gửi báo cáo về Thường trực Huyện ủy trước ngày 15/12/2017.',
    );
    expect(r.text).toContain(
      'Kế hoạch thực hiện Chỉ thị số 22-CT/TU ngày 03/4/2017 của Ban Thường vụ Tỉnh ủy.',
    );
    expect(r.text).toContain('ỦY BAN NHÂN DÂN HUYỆN');
    expect(r.text).not.toContain('undefined');
    expect(r.text.indexOf('Triển khai')).toBeLessThan(r.text.indexOf('ỦY BAN'));
  });

  it('refuses bytes that are no Word file with a FILE_READ error naming the file', async () => {
    const bad = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]);
    const e = await docToText(bad, 'hong.doc').catch((x: unknown) => x);
    expect(isLuocdoError(e) && e.code === 'FILE_READ' && e.message.startsWith('hong.doc: ')).toBe(true);
  });
});
