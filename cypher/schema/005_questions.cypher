// What a source's resolution asked the graph (where is huyện Sơn Tây? which dated 22-CT/TU of the Tỉnh ủy
// Quảng Ngãi?) is kept as (:SourceFile)-[:ASKS {answer}]->(:Question {key}), so that a later write that
// changes the answer finds the sources to resolve again.
CREATE CONSTRAINT question_key IF NOT EXISTS FOR (q:Question) REQUIRE q.key IS UNIQUE;
// The audit lists links made by inference (`inferred: true` on a Citation, DESIGN §3); few carry it.
CREATE INDEX citation_inferred IF NOT EXISTS FOR (c:Citation) ON (c.inferred);
// Where an area of a name is (`… ENDS WITH '/son-tay'`), without reading every area of its tier.
CREATE TEXT INDEX area_key_text IF NOT EXISTS FOR (a:Area) ON (a.key);
