import mammoth from 'mammoth';
import { LuocdoError } from '../errors.js';

/** .docx → text with mammoth; paragraphs become blank-line-separated lines. */
export async function docxToText(bytes: Uint8Array, path: string): Promise<string> {
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return r.value;
  } catch (e) {
    throw new LuocdoError(
      'FILE_READ',
      `${path}: not a readable Word document (.docx): ${(e as Error).message.split('\n')[0]}`,
      {
        cause: e,
      },
    );
  }
}
