// Full-text indexes updated after commit rather than within it: analysing a report's text held every
// ingest transaction's commit. Search may trail an ingest by a moment; `ingest` waits for the refresh.
DROP INDEX document_search IF EXISTS;
DROP INDEX organization_search IF EXISTS;
CREATE FULLTEXT INDEX document_search IF NOT EXISTS FOR (d:Document) ON EACH [d.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true } };
CREATE FULLTEXT INDEX organization_search IF NOT EXISTS FOR (o:Organization) ON EACH [o.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: true } };
