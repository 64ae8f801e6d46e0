/**
 * The Vietnamese letters as (base, tone): the model every legacy table is written against. A base is a
 * toneless lower-case vowel (`a ă â e ê i o ô ơ u ư y`); a tone is one of the five marks of the
 * national orthography. Unicode letters are built by NFC composition rather than listed, so the
 * tables below cannot disagree with Unicode about which code point a letter is.
 */

/** 0 ngang (none), 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;
export const TONES: readonly Tone[] = [0, 1, 2, 3, 4, 5];

/** The combining mark of each tone (Unicode: acute, grave, hook above, tilde, dot below). */
export const TONE_MARKS: readonly string[] = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];

/** The twelve toneless vowel bases, lower case. */
export const BASES: readonly string[] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

export const compose = (base: string, tone: Tone): string => (base + TONE_MARKS[tone]).normalize('NFC');

export type LetterInfo = { base: string; tone: Tone; upper: boolean };

function buildInfo(): ReadonlyMap<string, LetterInfo> {
  const m = new Map<string, LetterInfo>();
  for (const base of BASES) {
    for (const tone of TONES) {
      m.set(compose(base, tone), { base, tone, upper: false });
      m.set(compose(base.toUpperCase(), tone), { base, tone, upper: true });
    }
  }
  return m;
}

/** Every precomposed vowel letter (and the plain ASCII vowels) to its base, tone and case. */
export const LETTER_INFO: ReadonlyMap<string, LetterInfo> = buildInfo();

/** Every letter of the alphabet that is not plain ASCII: 132 shaped or toned vowels, and đ Đ. */
export const VIETNAMESE_LETTERS: readonly string[] = [
  ...[...LETTER_INFO.keys()].filter((c) => c > '\u007f'),
  'đ',
  'Đ',
];
