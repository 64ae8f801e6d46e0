// Look-ups the ingest and removal make, and the full-text indexes for search. The text indexed is
// folded by the application (diacritics and đ), so the analyzer needs no folding and drops no syllable.
CREATE INDEX citation_source IF NOT EXISTS FOR (c:Citation) ON (c.source);
CREATE INDEX source_path IF NOT EXISTS FOR (s:SourceFile) ON (s.path);
CREATE FULLTEXT INDEX document_search IF NOT EXISTS FOR (d:Document) ON EACH [d.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
CREATE FULLTEXT INDEX organization_search IF NOT EXISTS FOR (o:Organization) ON EACH [o.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
