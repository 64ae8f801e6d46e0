import type { ManagedTransaction } from 'neo4j-driver';
import { factsOf, knownOf, type Draft, type GraphFacts } from '../graph/facts.js';
import { mergeKnown, NOTHING_KNOWN, type Known, type Question } from '../graph/known.js';
import { areaKey, type AreaRef } from '../graph/organizations.js';
import type { Db } from './connection.js';
import { cypher } from './cypher.js';
import { toParam } from './values.js';

const run = (tx: ManagedTransaction, name: string, params: Record<string, unknown>) =>
  tx.run(cypher(name), toParam(params) as Record<string, unknown>);

/** A question as the graph stores it on its Question node (every kind's fields, null where not its own). */
export const questionRow = (q: Question) => ({
  key: q.key,
  kind: q.kind,
  tier: q.kind === 'place' ? q.tier : null,
  slug: q.kind === 'place' ? q.slug : null,
  depth: q.kind === 'place' ? q.depth : null,
  symbol: q.kind === 'sym' ? q.symbol : null,
  prefix: q.kind === 'sym' ? q.prefix : null,
});
type QuestionRow = ReturnType<typeof questionRow>;

/** An answer as it is compared: the keys found, sorted, one a line. */
export const answerText = (keys: readonly string[]) => [...keys].sort().join('\n');

type AreaFound = { key: string; names: Array<{ tier: AreaRef['tier']; name: string }> };

const chainOf = (names: AreaFound['names']): AreaRef | null =>
  names.reduceRight<AreaRef | null>((parent, n) => ({ tier: n.tier, name: n.name, parent }), null);

/** What the graph holds for the questions (see cypher/ingest/knowledge.cypher). */
export async function fetchKnown(tx: ManagedTransaction, questions: readonly QuestionRow[]): Promise<Known> {
  if (questions.length === 0) return NOTHING_KNOWN;
  const r = await run(tx, 'ingest/knowledge', { questions });
  const areas = new Map<string, AreaRef[]>();
  const dated = new Map<string, string[]>();
  for (const rec of r.records) {
    const key = rec.get('key') as string;
    const found = rec.get('areas') as AreaFound[];
    if (questions.find((q) => q.key === key)?.kind === 'place')
      areas.set(
        key,
        found.map((a) => chainOf(a.names)).filter((a): a is AreaRef => a !== null),
      );
    else dated.set(key, rec.get('dated') as string[]);
  }
  return { areas, dated };
}

/** The answer the graph gives a stored question now, as the Asker recorded it (see known.ts). */
const answerNow = (q: QuestionRow, known: Known): string =>
  answerText(
    q.kind === 'place' ? (known.areas.get(q.key) ?? []).map(areaKey) : (known.dated.get(q.key) ?? []),
  );

/** Whether what is known gives a question the answer it was resolved with. */
const sameAnswer = (q: Question, known: Known): boolean =>
  answerText(q.answer) === answerNow(questionRow(q), known);

/**
 * The sources of a batch resolved with what the graph knows and with what the other sources of the batch
 * will write (they answer each other's questions): rounds of asking and resolving until no source's
 * answers change. A source that asks nothing, or whose answers are the same, is taken as it is.
 */
export async function resolveWithGraph<P extends { draft: Draft; facts: GraphFacts }>(
  tx: ManagedTransaction,
  ps: readonly P[],
): Promise<P[]> {
  const asked = new Set<string>();
  let graph: Known = NOTHING_KNOWN;
  let out = [...ps];
  for (let round = 0; round < 4; round++) {
    const fresh = new Map<string, Question>();
    for (const p of out) for (const q of p.facts.questions) if (!asked.has(q.key)) fresh.set(q.key, q);
    for (const k of fresh.keys()) asked.add(k);
    graph = mergeKnown(graph, await fetchKnown(tx, [...fresh.values()].map(questionRow)));
    const known = ps.length > 1 ? mergeKnown(graph, knownOf(out.map((p) => p.facts))) : graph;
    let changed = false;
    out = out.map((p) => {
      if (p.facts.questions.every((q) => sameAnswer(q, known))) return p;
      changed = true;
      return { ...p, facts: factsOf(p.draft, known) };
    });
    if (!changed) break;
  }
  return out;
}

/**
 * What decides a resolution in an answer: its one key, or nothing when it has none or several (the
 * Asker takes only a unique answer, see graph/known.ts). Answers stored by any version compare by it.
 */
export const decisive = (answer: string): string => (answer !== '' && !answer.includes('\n') ? answer : '');

/** A source's stored answer to one question, to be set to what the graph gives now. */
export type AnswerRow = { sha: string; key: string; answer: string };

/**
 * The sources whose stored answers the graph no longer gives: among the given sources, by their own
 * questions (a write that raced theirs may have answered them otherwise); and among every asker of the
 * questions the keys name (what writes answered anew, or no longer answer). `stale`: those whose
 * resolution the new answer changes, to be resolved again; `answers`: the rest, whose answers only list
 * more or fewer of several (none decides either way), to be set (most askers of a busy number are these).
 */
export async function staleSources(
  db: Db,
  shas: readonly string[],
  keys: readonly string[],
): Promise<{ stale: string[]; answers: AnswerRow[] }> {
  if (shas.length === 0 && keys.length === 0) return { stale: [], answers: [] };
  return db.read(async (tx) => {
    const rows = (await run(tx, 'ingest/questions', { shas, keys: [...new Set(keys)] })).records.map((r) => ({
      q: r.get('q') as QuestionRow,
      sha: r.get('sha') as string | null,
      answer: r.get('answer') as string | null,
    }));
    if (rows.length === 0) return { stale: [], answers: [] };
    const unique = [...new Map(rows.map((r) => [r.q.key, r.q])).values()];
    const known = await fetchKnown(tx, unique);
    const found: Array<AnswerRow & { stored: string }> = [];
    for (const r of rows) {
      const now = answerNow(r.q, known);
      if (r.sha && r.answer !== now)
        found.push({ sha: r.sha, key: r.q.key, stored: r.answer ?? '', answer: now });
    }
    const asked = rows
      .filter((r) => r.sha === null)
      .map((r) => ({ key: r.q.key, answer: answerNow(r.q, known) }));
    if (asked.length > 0)
      for (const rec of (await run(tx, 'ingest/out-of-date', { answers: asked })).records)
        found.push(rec.toObject() as AnswerRow & { stored: string });
    const stale = new Set(found.filter((f) => decisive(f.stored) !== decisive(f.answer)).map((f) => f.sha));
    const answers = found
      .filter((f) => !stale.has(f.sha))
      .map(({ sha, key, answer }) => ({ sha, key, answer }));
    return { stale: [...stale], answers };
  });
}
