/** The part of word-extractor 1.0.4 (CommonJS, ships no types) that src/read/doc.ts uses. */
declare module 'word-extractor' {
  type PartOptions = { filterUnicode?: boolean };
  export class Document {
    getBody(options?: PartOptions): string;
    getFootnotes(options?: PartOptions): string;
    getEndnotes(options?: PartOptions): string;
    getHeaders(options?: PartOptions & { includeFooters?: boolean }): string;
    getTextboxes(
      options?: PartOptions & { includeHeadersAndFooters?: boolean; includeBody?: boolean },
    ): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<Document>;
  }
}
