import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { decidedByFonts, type Detection } from './legacy/index.js';
import { fail, type OcrProgress, type ReadLimits } from './limits.js';
import { joinPages, pdfToText, type PdfText } from './pdf.js';

/** What OCR did for a PDF: how many pages it read, and tesseract's mean confidence (0–100) in their words. */
export type OcrInfo = { pages: number; meanConfidence: number };

/** One page at 300 dpi takes a few seconds; this only stops a tool that hangs. */
const PAGE_TIMEOUT_MS = 180_000;
const MISSING =
  'OCR needs tesseract-ocr, tesseract-ocr-vie and poppler-utils (pdftoppm): run bash scripts/ensure-ocr.sh, or use --no-ocr';

type Run = { stdout: string; stderr: string };
type RunError = Error & { code?: string | number; killed?: boolean; signal?: string; stderr?: string };

/** A tool run with its arguments as an array (never through a shell), bounded in time and output. */
function run(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      args,
      {
        timeout: PAGE_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
        // Pages run in parallel already: tesseract's own threads would only contend with them.
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (err, stdout, stderr) => {
        if (err) reject(Object.assign(err, { stderr }));
        else resolve({ stdout, stderr });
      },
    );
  });
}

/** A tool's failure said as the file's read error: missing tools name the script that installs them. */
function explain(path: string, page: number, tool: string, e: RunError): Error {
  if (e.code === 'ENOENT' || /Failed loading language|Error opening data file/i.test(e.stderr ?? ''))
    return fail(path, MISSING, e);
  if (e.killed || e.signal === 'SIGTERM')
    return fail(path, `OCR of page ${page} took over ${PAGE_TIMEOUT_MS / 1000} s (${tool})`, e);
  const said = (e.stderr ?? '').trim().split('\n').pop() || e.message;
  return fail(path, `OCR of page ${page} failed (${tool}): ${said}`, e);
}

/**
 * tesseract's TSV → the page's text, a line of words per line it found and a blank line between its
 * blocks, and the confidences of its words. Rows are level 5 (words) with their block, paragraph and line.
 */
export function tsvToText(tsv: string): { text: string; confidences: number[] } {
  const lines: string[] = [];
  const confidences: number[] = [];
  let key = '';
  let block = '';
  let words: string[] = [];
  const flush = () => {
    if (words.length) lines.push(words.join(' '));
    words = [];
  };
  for (const row of tsv.split('\n').slice(1)) {
    const c = row.split('\t');
    if (c[0] !== '5' || c.length < 12) continue;
    const word = c.slice(11).join('\t').trim();
    if (!word) continue;
    const lineKey = `${c[2]}.${c[3]}.${c[4]}`;
    if (lineKey !== key) {
      flush();
      if (block !== '' && c[2] !== block) lines.push('');
      key = lineKey;
      block = c[2] ?? '';
    }
    words.push(word);
    const conf = Number(c[10]);
    if (Number.isFinite(conf) && conf >= 0) confidences.push(conf);
  }
  flush();
  return { text: lines.join('\n'), confidences };
}

/** One page rendered to a grey image at 300 dpi and read by tesseract (Vietnamese, automatic layout). */
async function ocrPage(
  dir: string,
  pdf: string,
  path: string,
  page: number,
): Promise<ReturnType<typeof tsvToText>> {
  const base = join(dir, `p${page}`);
  const n = String(page);
  await run('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', '-f', n, '-l', n, pdf, base]).catch(
    (e: RunError) => {
      throw explain(path, page, 'pdftoppm', e);
    },
  );
  const png = `${base}.png`;
  try {
    const { stdout } = await run('tesseract', [png, 'stdout', '-l', 'vie', '--psm', '1', 'tsv']);
    return tsvToText(stdout);
  } catch (e) {
    throw explain(path, page, 'tesseract', e as RunError);
  } finally {
    await rm(png, { force: true });
  }
}

/**
 * The text of the given pages (numbered from 1) of a PDF by OCR, pages in parallel up to the CPUs there
 * are. The bytes go to a private temporary folder (mode 0700, as mkdtemp makes it), removed after.
 */
export async function ocrPdfPages(
  bytes: Uint8Array,
  path: string,
  pages: number[],
  onPage?: OcrProgress,
): Promise<{ texts: Map<number, string>; info: OcrInfo }> {
  const dir = await mkdtemp(join(tmpdir(), 'luocdo-ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes, { mode: 0o600 });
    const texts = new Map<number, string>();
    const confidences: number[] = [];
    const queue = [...pages];
    const worker = async () => {
      for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
        // The first page that fails fails the file: the other workers take no new page.
        const got = await ocrPage(dir, pdf, path, p).catch((e: unknown) => {
          queue.length = 0;
          throw e;
        });
        texts.set(p, got.text);
        confidences.push(...got.confidences);
        onPage?.(path, texts.size, pages.length);
      }
    };
    const workers = Math.max(1, Math.min(availableParallelism(), pages.length));
    await Promise.all(Array.from({ length: workers }, worker));
    const mean = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
    return { texts, info: { pages: pages.length, meanConfidence: Math.round(mean * 10) / 10 } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A PDF's text, each page from its text layer, and by OCR the pages without one (scanned), unless OCR is
 * off (`--no-ocr`, LUOCDO_OCR=false): then a PDF with no text at all is refused as before.
 */
export async function readPdf(
  bytes: Uint8Array,
  path: string,
  limits: Pick<ReadLimits, 'maxPdfPages' | 'maxTextChars' | 'ocr' | 'onOcrPage'>,
): Promise<PdfText & { ocr?: OcrInfo; legacy?: Detection }> {
  const { legacyFonts, ...got } = await pdfToText(bytes, path, limits);
  // Text items in `.VnTime`/`VNI-…` fonts were decoded by them: the source says so, as a .docx's would.
  const withFonts = <T extends PdfText>(r: T) =>
    legacyFonts.length ? { ...r, legacy: decidedByFonts(r.text, legacyFonts) } : r;
  if (!limits.ocr) return withFonts(got);
  const blank = got.pages.flatMap((p, i) => (p.trim() ? [] : [i + 1]));
  if (blank.length === 0) return withFonts(got);
  const { texts, info } = await ocrPdfPages(bytes, path, blank, limits.onOcrPage);
  const pages = got.pages.map((p, i) => texts.get(i + 1) ?? p);
  const all = joinPages(pages);
  if (!all.text.trim()) throw fail(path, 'the PDF has no text layer (scanned?) and OCR found no text in it');
  return withFonts({ ...all, ocr: info });
}
