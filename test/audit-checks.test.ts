import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../src/api/server.js';
import { CHECKS } from '../src/graph/audit-checks.js';
import { AUDIT_CODES } from '../src/graph/audit.js';
import { isLuocdoError } from '../src/errors.js';
import { cypherDir } from '../src/paths.js';

// The table alone, on rows written here: no database.

const doc = (symbol: string, more: Record<string, unknown> = {}) => ({
  key: `k|${symbol}`,
  symbol,
  name: null,
  issuedOn: null,
  hasText: false,
  type: null,
  ...more,
});
const mention = (issuedOn: string | null) => ({
  quote: 'Thực hiện Kế hoạch số 12/KH-UBND',
  start: 0,
  end: 30,
  text: 'Kế hoạch số 12/KH-UBND',
  issuedOn,
  path: 'a.txt',
});

describe('the audit table', () => {
  it('has one check per code, each with its .cypher file, and no query file left without a check', () => {
    // Files whose name starts with `_` are the preludes a check's query follows, not checks.
    const files = readdirSync(join(cypherDir(), 'audit'))
      .filter((f) => !f.startsWith('_'))
      .map((f) => f.replace(/\.cypher$/, ''));
    const queries = AUDIT_CODES.map((c) => CHECKS[c].query);
    expect(Object.keys(CHECKS).sort()).toEqual([...AUDIT_CODES].sort());
    for (const q of queries) expect(files).toContain(q);
    expect([...new Set(queries)].sort()).toEqual(files.sort());
  });

  it('names the same codes as the schema’s AuditCode enum', () => {
    const e = buildSchema(typeDefs).getType('AuditCode') as GraphQLEnumType;
    expect(e.getValues().map((v) => v.name)).toEqual([...AUDIT_CODES]);
  });

  it('gives a DATE_CONFLICT its dates and proposal as params, the message built from the same values', () => {
    const [f, ...rest] = CHECKS.DATE_CONFLICT.findings([
      {
        doc: doc('12/KH-UBND'),
        dates: [
          { on: '2021-03-05', count: 1, mentions: [mention('2021-03-05')] },
          { on: '2021-03-03', count: 2, mentions: [mention('2021-03-03'), null] },
        ],
      },
    ]);
    expect(rest).toEqual([]);
    expect(f?.params).toEqual({
      document: '12/KH-UBND',
      dates: [
        { on: '2021-03-05', count: 1 },
        { on: '2021-03-03', count: 2 },
      ],
      proposal: '2021-03-03',
    });
    expect(f?.message).toContain('05/3/2021 (1×)');
    expect(f?.proposal).toBe('ngày 03/3/2021');
    expect(f?.mentions.map((m) => m.issuedOn)).toEqual(['2021-03-05']);
  });

  it('drops issuers that may be one body, and a cycle found from each of its documents', () => {
    const issuer = (name: string, level: string | null) => ({ key: name, name, level, kind: null });
    const issuers = CHECKS.ISSUER_CONFLICT.findings([
      { doc: doc('7/CT-TTg'), issuers: [issuer('A', 'tỉnh'), issuer('B', null)], mentions: [] },
      { doc: doc('8/CT-TTg'), issuers: [issuer('A', 'tỉnh'), issuer('B', 'trung ương')], mentions: [] },
    ]);
    expect(issuers.map((f) => f.params)).toEqual([{ document: '8/CT-TTg', issuers: ['A', 'B'] }]);
    const [a, b] = [doc('1/KH-UBND'), doc('2/KH-UBND')];
    const cycles = CHECKS.CYCLE.findings([
      { docs: [a, b, a], rels: ['IMPLEMENTS', 'IMPLEMENTS'] },
      { docs: [b, a, b], rels: ['IMPLEMENTS', 'IMPLEMENTS'] },
    ]);
    expect(cycles.map((f) => f.params)).toEqual([
      { relations: ['IMPLEMENTS'], documents: ['1/KH-UBND', '2/KH-UBND', '1/KH-UBND'] },
    ]);
  });

  it('splits one query between UNKNOWN_CODE and MALFORMED_SYMBOL', () => {
    const rows = [{ doc: doc('5/2999/NQ-UBTVQHK11'), mentions: [] }];
    expect(CHECKS.UNKNOWN_CODE.findings(rows).map((f) => f.proposal)).toEqual(['UBTVQH11']);
    expect(CHECKS.MALFORMED_SYMBOL.findings(rows).map((f) => f.message)).toEqual([
      expect.stringContaining('impossible year 2999'),
    ]);
  });

  it('refuses a row of another shape with a DB_QUERY error that names the query', () => {
    let caught: unknown;
    try {
      CHECKS.DANGLING.findings([{ doc: doc('1/KH-UBND'), citers: '3', mentions: [] }]);
    } catch (e) {
      caught = e;
    }
    expect(isLuocdoError(caught) && caught.code).toBe('DB_QUERY');
    expect((caught as Error).message).toMatch(/audit\/dangling.*citers/s);
  });
});
