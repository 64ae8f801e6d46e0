UNWIND $keys AS key
MATCH (d:Document {key: key})
RETURN d {.key, .type, .number, .symbol, .year, .issuedOn, .title, .name, .hasText} AS doc
