// The documents an audit query starts from, `d`: those of $keys — one document (its page), a chain, or a
// chunk of the whole graph's scan in key order (_scan). Each check's query follows this prelude
// (store/audit.ts joins the two named files) and writes its rule once, from `d` in every role it can play;
// with $everyRole false only in its primary role, so that a scan of every document finds each finding once.
// Each row says which anchor found it (`anchor`): the scan's cursor is an anchor and a count of its findings.
UNWIND $keys AS anchorKey
MATCH (d:Document {key: anchorKey})
