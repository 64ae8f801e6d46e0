export type Format = 'txt' | 'docx' | 'pdf' | 'html' | 'doc' | 'odt' | 'rtf';

/** What is recognised and refused, with what to do instead. */
export const REFUSED = {
  binary: 'a binary file, not a document',
} as const;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** Bytes `sniff` looks at: the head of a file is enough to know its format. */
export const SNIFF_BYTES = 8192;

/**
 * An OpenDocument text: its first part is `mimetype`, stored, naming the type (the format requires it, so
 * that the type can be read from the head of the file).
 */
function isOdt(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(30, 30 + 8 + 64)).toString('latin1');
  return head.startsWith('mimetypeapplication/vnd.oasis.opendocument.text');
}

/** One decoder for every call: decoding whole buffers keeps no state between them, and making one costs. */
const UTF8 = new TextDecoder('utf-8');

/** The real type from the bytes, never from the extension; a zip container is read as .docx. */
export function sniff(bytes: Uint8Array): Format | keyof typeof REFUSED {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return isOdt(bytes) ? 'odt' : 'docx';
  if (
    startsWith(
      bytes,
      [...'{\\rtf'].map((c) => c.charCodeAt(0)),
    )
  )
    return 'rtf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'doc'; // an OLE file: Word 97–2003 (or refused by its reader)
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, SNIFF_BYTES).includes(0)) return 'binary';
  const head = UTF8.decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (!utf16 && (head.startsWith('<!doctype html') || head.startsWith('<html') || /<body[\s>]/.test(head)))
    return 'html';
  return 'txt';
}
