// Its rows gone, the register goes; what it answered is returned, for its askers to be resolved again.
MATCH (g:Registry {sha256: $sha})
WITH g, coalesce(g.answers, []) AS answers
DETACH DELETE g
RETURN answers
