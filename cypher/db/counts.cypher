CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (d:Document {hasText: true}) RETURN count(d) AS withText }
CALL () { MATCH (s:SourceFile) RETURN count(s) AS sources }
CALL () { MATCH (c:Citation) RETURN count(c) AS citations }
CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN documents, withText, sources, citations, organizations, relationships
