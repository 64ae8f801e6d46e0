import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadSettings } from '../config.js';
import { extractDocument, extractReferences, type ExtractedDocument } from '../extract/index.js';
import { overBudget } from '../ingest/budget.js';
import { readFileDocument } from '../read/file.js';
import { errorLine, json, ocrProgress, printable, type Io } from './output.js';

const jsonlLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/**
 * A file read as `ingest` reads it, with the same limits: its size checked before it is read (a sparse
 * 1.2 GB file was read whole before), and one file that needs more memory than the budget refused.
 */
async function extractFile(path: string, ocr: boolean, io: Io): Promise<ExtractedDocument> {
  const settings = loadSettings();
  const budget = settings.memoryBudgetBytes;
  const onOcrPage = ocrProgress(io);
  const read = await readFileDocument(
    path,
    {
      ...settings.readLimits,
      ocr: settings.readLimits.ocr && ocr,
      maxBytes: settings.maxFileBytes,
      ...(onOcrPage ? { onOcrPage } : {}),
    },
    async (n) => {
      if (n > budget) throw overBudget(path, n, budget);
    },
  );
  return extractDocument(read.text, { path, sha256: read.sha256, format: read.format });
}

/** `{"id","text"}` lines in, `{"id","references"}` lines out, one at a time: memory stays flat. */
async function extractJsonl(
  input: NodeJS.ReadableStream,
  io: Io,
  write: (s: string) => Promise<void>,
): Promise<number> {
  let failures = 0;
  let lineNo = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue;
    let parsed: z.infer<typeof jsonlLine>;
    try {
      const r = jsonlLine.safeParse(JSON.parse(line));
      if (!r.success)
        throw new Error(r.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; '));
      parsed = r.data;
    } catch (e) {
      failures++;
      io.err(`error BAD_INPUT: stdin line ${lineNo}: ${printable((e as Error).message)}`);
      await write(JSON.stringify({ id: null, line: lineNo, error: (e as Error).message }) + '\n');
      continue;
    }
    await write(JSON.stringify({ id: parsed.id, references: extractReferences(parsed.text) }) + '\n');
  }
  return failures;
}

function writer(stream: NodeJS.WritableStream): (s: string) => Promise<void> {
  return (s) =>
    new Promise((resolve) => {
      if (stream.write(s)) resolve();
      else stream.once('drain', () => resolve());
    });
}

export function registerExtract(program: Command, io: Io): void {
  program
    .command('extract')
    .description(
      'document references in Vietnamese text: a JSON array of ExtractedDocument, or JSONL on stdin',
    )
    .argument('[files...]', 'files (.txt, .docx, .doc, .odt, .rtf, .pdf, .html)')
    .option('--jsonl', 'read {"id","text"} lines on stdin, write {"id","references"} lines')
    .option('--no-ocr', 'refuse scanned PDFs (no text layer) instead of reading them by OCR')
    .action(async (files: string[], opts: { jsonl?: boolean; ocr?: boolean }) => {
      if (opts.jsonl) {
        const failures = await extractJsonl(process.stdin, io, writer(process.stdout));
        if (failures) process.exitCode = 1;
        return;
      }
      if (files.length === 0) {
        io.err('error BAD_INPUT: give one or more files, or --jsonl to read stdin');
        process.exitCode = 2;
        return;
      }
      const docs: ExtractedDocument[] = [];
      for (const f of files) {
        try {
          docs.push(await extractFile(f, opts.ocr !== false, io));
        } catch (e) {
          io.err(errorLine(e, 'FILE_READ'));
          process.exitCode = 1;
        }
      }
      io.out(json(docs));
    });
}
