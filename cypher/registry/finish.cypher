// Every batch of rows is in: the register is whole (a crash before this leaves it pending, and an import
// again takes it out first). It keeps what it answers, for its removal to resolve those askers again.
MATCH (g:Registry {sha256: $sha})
SET g.answers = $answers
REMOVE g.pending
