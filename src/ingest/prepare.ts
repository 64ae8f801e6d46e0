import { EXTRACTOR_VERSION, extractDocument, fold } from '../extract/index.js';
import { graphFacts } from '../graph/facts.js';
import type { Prepared } from '../store/ingest.js';

/** One source as read: its text and what identifies the bytes it came from. */
export type SourceText = {
  path: string;
  text: string;
  sha256: string;
  format: string;
  bytes: number;
  /** Where each page begins, when the format has pages: references then say their page. */
  pageStarts?: number[];
};

/**
 * Extraction and the graph facts, before any database work (pure, so it can run while the last write
 * commits). The extractor's version and the folded title are decided here, so the store never calls into
 * the extractor.
 */
export function prepare(input: SourceText): Prepared {
  const doc = extractDocument(
    input.text,
    { path: input.path, sha256: input.sha256, format: input.format },
    input.pageStarts ? { pageStarts: input.pageStarts } : {},
  );
  const facts = graphFacts(doc, input.text);
  return {
    path: input.path,
    sha256: input.sha256,
    format: input.format,
    bytes: input.bytes,
    extractorVersion: EXTRACTOR_VERSION,
    // The report's folded title, which near-identical extractions of one report share.
    titleKey: facts.report.title ? fold(facts.report.title) : null,
    facts,
  };
}
