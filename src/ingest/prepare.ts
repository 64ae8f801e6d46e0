import { EXTRACTOR_VERSION, extractDocument, fold, type ExtractedDocument } from '../extract/index.js';
import { draftOf, factsOf } from '../graph/facts.js';
import { NOTHING_KNOWN } from '../graph/known.js';
import type { Prepared } from '../store/ingest.js';
import { packText } from '../store/packed.js';

/** One source as read: its text and what identifies the bytes it came from. */
export type SourceText = {
  path: string;
  text: string;
  sha256: string;
  format: string;
  bytes: number;
  /** Where each page begins, when the format has pages: references then say their page. */
  pageStarts?: number[];
  encoding?: Prepared['encoding'];
  /** Pages read by OCR, and its mean word confidence (0–100), when the PDF was scanned. */
  ocr?: Prepared['ocr'];
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
  return prepareExtracted(input, doc);
}

/**
 * The same from an extraction already made (the text is still needed for the evidence sentences). The
 * facts are those the text alone resolves; the write resolves the draft again with what the graph knows.
 */
export function prepareExtracted(input: SourceText, doc: ExtractedDocument): Prepared {
  const draft = draftOf(doc, input.text);
  const facts = factsOf(draft, NOTHING_KNOWN);
  return {
    path: input.path,
    sha256: input.sha256,
    format: input.format,
    bytes: input.bytes,
    ...(input.encoding ? { encoding: input.encoding } : {}),
    ...(input.ocr ? { ocr: input.ocr } : {}),
    extractorVersion: EXTRACTOR_VERSION,
    // The report's folded title, which near-identical extractions of one report share.
    titleKey: facts.report.title ? fold(facts.report.title) : null,
    facts,
    draft,
    textZ: packText(input.text),
  };
}
