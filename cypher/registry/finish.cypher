// Every batch of rows is in: the register is whole (a crash before this leaves it pending, and removable).
MATCH (g:Registry {sha256: $sha})
REMOVE g.pending
