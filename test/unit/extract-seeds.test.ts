import { describe, expect, it } from 'vitest';
import { extractDocument, fold, type ExtractedReference, type Relation } from '../../src/extract/index.js';
import { RELATIONS } from '../../src/extract/types.js';
import { gold, seedText } from '../helpers/gold.js';

const keyOf = (symbol: string | null, on: string | null) => `${symbol}|${on}`;
const strongest = (rs: ExtractedReference[]): Relation =>
  RELATIONS.find((r) => rs.some((x) => x.relation === r)) ?? 'CITES';

describe.each(Object.entries(gold.files))('seed %s', (file, g) => {
  const original = seedText(file);
  // Extracted inside each test, never while the tests are being collected: work done at collection
  // belongs to no test, and mutation testing would then run every test against every mutant.
  const extract = () => extractDocument(original, { path: file, sha256: '', format: 'txt' });
  const find = (w: (typeof g.references)[number]) => {
    const byKey = new Map<string, ExtractedReference[]>();
    for (const r of extract().references)
      byKey.set(keyOf(r.symbol, r.issuedOn), [...(byKey.get(keyOf(r.symbol, r.issuedOn)) ?? []), r]);
    return [w.symbol, ...(w.accept ?? [])]
      .map((s) => byKey.get(keyOf(s, w.issuedOn)))
      .find((x) => x !== undefined);
  };

  it.each(g.references.filter((w) => !w.optional).map((w) => [`${w.symbol} ${w.issuedOn}`, w] as const))(
    'finds %s with its type, relation, footnote flag and issuer',
    (_label, w) => {
      const found = find(w);
      expect(found, `${w.symbol} ${w.issuedOn}`).toBeDefined();
      const rs = found as ExtractedReference[];
      for (const r of rs) expect(r.type).toBe(w.type);
      if (w.relation) expect(w.relation).toContain(strongest(rs));
      if (w.inFootnote !== undefined) expect(rs.some((r) => r.inFootnote === w.inFootnote)).toBe(true);
      // The issuer as written (`của …`) must fit the gold's; resolving it from context is the graph's job.
      const written = rs.flatMap((r) => (r.issuer ? [fold(r.issuer.text).replace(/^chu tich /, '')] : []));
      if (w.issuer && written.length) {
        const want = fold(w.issuer);
        expect(written.some((p) => p.startsWith(want) || want.startsWith(p))).toBe(true);
      }
    },
  );

  it('finds the optional references too', () => {
    for (const w of g.references.filter((x) => x.optional)) expect(find(w), w.symbol).toBeDefined();
  });

  it('extracts nothing numbered that the gold does not list', () => {
    const doc = extract();
    const allowed = new Set(
      g.references.flatMap((w) => [w.symbol, ...(w.accept ?? [])].map((s) => keyOf(s, w.issuedOn))),
    );
    const extra = doc.references.filter(
      (r) => r.number !== null && !allowed.has(keyOf(r.symbol, r.issuedOn)),
    );
    expect(extra.map((r) => r.text)).toEqual([]);
  });

  it('points every reference at the exact characters of the file', () => {
    const doc = extract();
    for (const r of doc.references) {
      expect(original.slice(r.start, r.end)).toBe(r.text);
      const shown = r.text.normalize('NFC').replace(/\s+/g, '');
      if (r.number) expect(shown).toContain(r.number);
      expect(r.text).not.toMatch(/\scủa\s/u);
    }
  });

  it('reads the header', () => {
    const doc = extract();
    const d = doc.document;
    const want = g.document;
    if ('type' in want) expect(d.type).toBe(want['type']);
    if ('symbol' in want) expect(d.symbol).toBe(want['symbol']);
    if ('issuedOn' in want) expect(d.issuedOn).toBe(want['issuedOn']);
    if ('place' in want) expect(d.place).toBe(want['place']);
    if ('title' in want) expect(d.title).toBe(want['title']);
    if ('issuer' in want) expect(d.issuer?.name).toBe(want['issuer']);
    if ('issuerLevel' in want) expect(d.issuer?.level).toBe(want['issuerLevel']);
    if ('signer' in want) expect(d.signer).toEqual(want['signer']);
    if ('recipients' in want) expect(d.recipients).toEqual(want['recipients']);
  });

  it('states the facts between the documents it cites', () => {
    const doc = extract();
    for (const f of g.facts ?? []) {
      expect(doc.facts.map((x) => ({ from: x.from, relation: x.relation, to: x.to }))).toContainEqual(f);
    }
  });

  it('reports the findings', () => {
    const doc = extract();
    for (const f of g.findings ?? []) {
      expect(doc.findings.some((x) => x.code === f.code && x.message.includes(f.symbol))).toBe(true);
    }
    expect(doc.findings.filter((x) => x.code === 'DATE_CONFLICT')).toEqual([]);
  });

  it('resolves defined aliases to their document', () => {
    const doc = extract();
    for (const w of g.references.filter((x) => x.aliases)) {
      const r = doc.references.find((x) => x.symbol === w.symbol);
      expect(r).toBeDefined();
    }
  });
});

describe('the same report extracted two ways', () => {
  it('gives the same references from the PDF and the Word extraction (seeds 000 and 001)', () => {
    const a = extractDocument(seedText('000_0f68266f658f0987.txt'));
    const b = extractDocument(seedText('001_5451492b04ecc796.txt'));
    const keys = (d: typeof a) =>
      d.references.map((r) => `${r.symbol}|${r.issuedOn}|${r.relation}|${r.inFootnote}`);
    expect(keys(a)).toEqual(keys(b));
  });
});
