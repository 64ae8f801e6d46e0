// What resolving a source again needs: its draft (the extraction without the text) and where it came from.
MATCH (s:SourceFile {sha256: $sha})
RETURN s.path AS path, s.format AS format, s.bytes AS bytes, s.extractorVersion AS version,
       s.titleKey AS titleKey, s.draft AS draft,
       // How the text was read, which the rewrite (it removes the source first) must carry over.
       s.encoding AS encoding, s.encodingDecidedBy AS encodingDecidedBy, s.encodingDoubtful AS encodingDoubtful,
       s.ocrPages AS ocrPages, s.ocrConfidence AS ocrConfidence,
       // The text the offsets index (issue 14), kept across the rewrite.
       s.textZ AS textZ
