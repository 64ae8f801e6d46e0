import { describe, expect, it } from 'vitest';
import { extractDocument, type ExtractedReference } from '../../src/extract/index.js';
import { CUES } from '../../src/extract/relations/cues.js';
import { CODE_NAMES, LAW_NAMES, ORDINANCE_NAMES } from '../../src/extract/tables/law-names.js';
import * as tables from '../../src/extract/tables/words.js';
import type { Entry } from '../../src/extract/tables/words.js';

const refs = (text: string) => extractDocument(text).references;
const hasWord = (phrase: string, word: string) =>
  new RegExp(`(?<![\\p{L}])${word.replace(/[/]/g, '\\/')}(?![\\p{L}])`, 'u').test(phrase);
const first = (example: string): ExtractedReference => {
  const r = refs(example)[0];
  expect(r, example).toBeDefined();
  return r as ExtractedReference;
};

/** What each table's example must show about its word. */
const CHECKS: Record<string, (word: string, example: string) => void> = {
  ISSUER_END: (w, ex) => {
    const issuer = refs(ex).find((r) => r.issuer)?.issuer?.text;
    expect(issuer, ex).toBeDefined();
    expect(hasWord(issuer as string, w), `${issuer} ⊅ ${w}`).toBe(false);
  },
  PHRASE_STOP: (_w, ex) => {
    const rs = refs(ex);
    expect(rs.length, ex).toBeGreaterThan(0);
    expect(
      rs.every((r) => r.start > 0),
      ex,
    ).toBe(true);
  },
  COUNT_UNITS: (_w, ex) => expect(refs(ex), ex).toEqual([]),
  NAME_STOP: (w, ex) => {
    const named = refs(ex).find((r) => r.name);
    expect(named, ex).toBeDefined();
    expect(hasWord(named?.name as string, w), `${named?.name} ⊅ ${w}`).toBe(false);
  },
  NAME_STOP_PAIRS: (w, ex) => expect(first(ex).name?.includes(w), ex).toBe(false),
  ALIAS_PHRASES: (_w, ex) => {
    const open = ex.indexOf('(');
    const close = ex.indexOf(')');
    expect(
      refs(ex).some((r) => r.start < close && r.end > open),
      ex,
    ).toBe(false);
    expect(refs(ex).length, ex).toBe(1);
  },
  SUBJECT_END_UNITS: (w, ex) => expect(first(ex).subject?.includes(w), ex).toBe(false),
  ISSUER_START_WORDS: (w, ex) => expect(first(ex).issuer?.text.startsWith(w), ex).toBe(true),
  NAME_NOT_FIRST: (_w, ex) => expect(refs(ex), ex).toEqual([]),
  NAME_NOT_CAPS: (w, ex) => expect(hasWord(first(ex).name ?? '', w), ex).toBe(false),
  NOT_LAW_AFTER: (_w, ex) => expect(refs(ex), ex).toEqual([]),
  UNIT_NAMES: (w, ex) => expect(first(ex).issuer?.text.endsWith(w), ex).toBe(true),
  ABBREVIATED_TYPES: (w, ex) => {
    const r = first(ex);
    expect(r.text.startsWith(w), ex).toBe(true);
    expect(r.number, ex).not.toBeNull();
  },
};

describe('every word table, by its own examples', () => {
  for (const [name, value] of Object.entries(tables)) {
    if (!Array.isArray(value)) continue;
    const check = CHECKS[name];
    it(`${name} has a check`, () => expect(check).toBeDefined());
    if (!check) continue;
    for (const [word, example] of value as Entry[]) {
      it(`${name}: ${word}`, () => {
        expect(example.toLowerCase().includes(word.toLowerCase()), example).toBe(true);
        check(word, example);
      });
    }
  }
});

describe('relation cues, by their examples', () => {
  for (const cue of CUES) {
    it(`${cue.kind}${cue.legal ? ` ${cue.legal}` : ''}: ${cue.example}`, () => {
      const d = extractDocument(cue.example);
      if (cue.kind === 'LEGAL') {
        const claimed =
          d.references.some((r) => r.relation === cue.legal) || d.facts.some((f) => f.relation === cue.legal);
        expect(claimed).toBe(true);
      } else if (cue.kind === 'PLAIN' || cue.kind === 'OWN') {
        expect(d.references.map((r) => r.relation)).toContain('CITES');
      } else {
        expect(d.references[0]?.relation).toBe(cue.kind);
      }
    });
  }
});

describe('the names of codes, laws and ordinances', () => {
  const cases: Array<[string, readonly string[]]> = [
    ['Bộ luật', CODE_NAMES],
    ['Luật', LAW_NAMES],
    ['Pháp lệnh', ORDINANCE_NAMES],
  ];
  for (const [word, names] of cases) {
    it(`${word}: every name is read whole, in any case`, () => {
      for (const name of names) {
        const full = `${word} ${name}`;
        expect(first(`Căn cứ ${full} năm 2020;`).name, full).toBe(full);
        expect(first(`theo quy định của ${word} ${name.toLocaleLowerCase('vi')} và văn bản khác.`).name).toBe(
          `${word} ${name.toLocaleLowerCase('vi')}`,
        );
      }
    });
  }
});
