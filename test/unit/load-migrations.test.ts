import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../src/store/cypher.js';
import { pendingStatements } from '../../src/store/migrate.js';

// Issue 15: on a store where every migration is pending (a new one, or one `luocdo load` imported), each
// index is built once: 002 creates the full-text indexes that 003 drops and creates again, so 002's
// creations are not run. A database that has 002 applied still gets 003's drop and creation.
describe('migrations: each index built once', () => {
  const all = schemaFiles();
  const fulltext = (ss: string[]) => ss.filter((s) => /FULLTEXT INDEX/.test(s));
  const of = (plan: ReturnType<typeof pendingStatements>, name: string) =>
    plan.find((p) => p.name.startsWith(name))?.statements ?? [];

  it('skips a creation that a later pending migration drops', () => {
    const plan = pendingStatements(all);
    expect(fulltext(of(plan, '002'))).toEqual([]);
    // The other statements of 002 still run.
    expect(of(plan, '002').some((s) => s.includes('citation_source'))).toBe(true);
    const created = plan.flatMap((p) => p.statements).filter((s) => /^CREATE FULLTEXT INDEX/.test(s));
    expect(created.map((s) => /INDEX (\w+)/.exec(s)?.[1])).toEqual([
      'document_search',
      'organization_search',
    ]);
    expect(created.every((s) => s.includes('`fulltext.eventually_consistent`: true'))).toBe(true);
  });

  it('keeps every statement when the creation was applied before', () => {
    const plan = pendingStatements(all.filter((f) => f.name >= '003'));
    expect(of(plan, '003').filter((s) => s.startsWith('DROP INDEX'))).toHaveLength(2);
    expect(fulltext(of(plan, '003'))).toHaveLength(2);
  });

  it('keeps a creation dropped only by an earlier statement, and one whose drop is of another index', () => {
    const plan = pendingStatements([
      { name: 'a', text: 'DROP INDEX x IF EXISTS;\nCREATE INDEX x IF NOT EXISTS FOR (n:N) ON (n.p);' },
      { name: 'b', text: 'CREATE TEXT INDEX y IF NOT EXISTS FOR (n:N) ON (n.q);\nDROP INDEX z IF EXISTS;' },
    ]);
    expect(plan.map((p) => p.statements.length)).toEqual([2, 2]);
  });
});
