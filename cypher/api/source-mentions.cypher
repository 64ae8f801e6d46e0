// Every reference of a source's text, in the order of the text (issue 14), with the document each refers to.
MATCH (c:Citation {source: $sha})
OPTIONAL MATCH (c)-[:REFERS_TO]->(t:Document)
RETURN c {.start, .end, .text, .relation, inFootnote: coalesce(c.inFootnote, false),
          inferred: coalesce(c.inferred, false)} AS mention,
       t {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
ORDER BY c.start, c.end, c.key
