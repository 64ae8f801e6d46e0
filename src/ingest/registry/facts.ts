import { canonicalUnitName } from '../../extract/header.js';
import { levelOf } from '../../extract/codes.js';
import { extractDocument } from '../../extract/index.js';
import { factsOf, searchText, type Draft, type GraphFacts } from '../../graph/facts.js';
import { NOTHING_KNOWN } from '../../graph/known.js';
import { namedPlaces } from '../../graph/places.js';
import type { RegisterRecord } from './fields.js';

/** A register row ready for the store: what it says, its draft (to resolve again with the graph), its facts. */
export type RegisterEntry = { record: RegisterRecord; draft: Draft; facts: GraphFacts };

/**
 * A register row read as ingestion reads a document: its symbol, type, date and issuer are the header
 * a text would have (so its key is the one ingestion gives: graph/identity through graph/facts), and its
 * title is text, read by the extractor as that document's own title for the references it makes and
 * their relations. The row's key (`<register sha256>:<row>`) stands where a source's sha256 does, so
 * each Citation of its title is keyed by the row.
 */
export function entryOf(registerSha: string, r: RegisterRecord): RegisterEntry {
  const issuer = r.issuer ? canonicalUnitName(r.issuer) : null;
  const title = r.title ?? '';
  const doc = extractDocument(
    title,
    { path: '', sha256: '', format: 'txt' },
    { titleOf: { type: r.type, issuer } },
  );
  const draft: Draft = {
    sha256: `${registerSha}:${r.row}`,
    header: {
      type: r.type,
      number: r.number,
      symbol: r.symbol,
      issuedOn: r.issuedOn,
      place: null,
      title: r.title,
      issuer: issuer ? { name: issuer, level: levelOf(issuer), parent: null } : null,
      signer: null,
      recipients: [],
    },
    references: doc.references,
    facts: doc.facts,
    // Where the issuer is: its own name's places, not those its title speaks of.
    named: namedPlaces(issuer ?? ''),
    quotes: doc.references.map(() => title),
    searchText: searchText(`${r.symbol} ${title}`),
    textKey: `register:${registerSha}:${r.row}`,
  };
  return { record: r, draft, facts: withYear(factsOf(draft, NOTHING_KNOWN), r) };
}

/** A register's year is that of its number, else of its date (`reportRow` reads only the date). */
function withYear(g: GraphFacts, r: RegisterRecord): GraphFacts {
  return r.year === g.report.year ? g : { ...g, report: { ...g.report, year: r.year } };
}
