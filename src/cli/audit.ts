import type { Command } from 'commander';
import { loadSettings } from '../config.js';
import { LuocdoError } from '../errors.js';
import { AUDIT_CODES, isAuditCode, type AuditFinding } from '../graph/audit.js';
import { readFileDocument } from '../read/file.js';
import { audit, auditText } from '../store/audit.js';
import { connect } from '../store/runtime/target.js';
import { json, printable, table, type Io } from './output.js';

const collect = (v: string, acc: string[]) => [...acc, v];

function print(io: Io, findings: AuditFinding[]): void {
  if (findings.length === 0) return io.out('no findings');
  const by = new Map<string, number>();
  for (const f of findings) by.set(`${f.severity} ${f.code}`, (by.get(`${f.severity} ${f.code}`) ?? 0) + 1);
  io.out(table([...by].map(([k, n]) => ({ finding: k, count: n }))));
  for (const f of findings.filter((x) => x.severity !== 'info')) {
    io.out(`\n${f.severity.toUpperCase()} ${f.code}: ${f.message}`);
    for (const m of f.mentions.slice(0, 3))
      io.out(
        `  ${printable(m.path ?? '')}:${m.start}-${m.end}  “${printable(m.quote.slice(0, 200))}”${m.ocr ? ' (OCR)' : ''}`,
      );
    if (f.proposal) io.out(`  proposal: ${f.proposal}`);
  }
}

export function registerAudit(program: Command, io: Io): void {
  program
    .command('audit')
    .description(
      'broken and suspicious links in the citation chains (exit 1 on any error); --text checks a draft',
    )
    .argument('[ref]', 'one document: audits its chain instead of the whole graph')
    .option('--code <code>', `only these codes (${AUDIT_CODES.join(', ')}); repeatable`, collect, [])
    .option('--text <file>', 'check a draft that is not in the graph against it; ingests nothing')
    .option('--json', 'machine-readable output')
    .action(async (ref: string | undefined, opts: { code: string[]; text?: string; json?: boolean }) => {
      const codes = opts.code.filter(isAuditCode);
      const unknown = opts.code.filter((c) => !isAuditCode(c));
      if (unknown.length)
        throw new LuocdoError(
          'BAD_INPUT',
          `unknown code ${unknown.join(', ')}; the codes are ${AUDIT_CODES.join(', ')}`,
        );
      const settings = loadSettings();
      const db = connect(settings);
      let findings: AuditFinding[];
      if (opts.text) {
        // The one reader of every command: any format, the same limits, legacy encodings converted.
        const read = await readFileDocument(opts.text, {
          ...settings.readLimits,
          maxBytes: settings.maxFileBytes,
        });
        findings = (await auditText(db, read.text, opts.text)).findings;
      } else {
        findings = await audit(db, { ref: ref ?? null, codes });
      }
      if (opts.json) io.out(json({ findings }));
      else print(io, findings);
      if (findings.some((f) => f.severity === 'error')) process.exitCode = 1;
    });
}
