import { Command, CommanderError } from 'commander';
import { formatError, isLuocdoError } from '../errors.js';
import { closeDrivers } from '../store/connection.js';
import { registerAudit } from './audit.js';
import { registerDb } from './db.js';
import { registerExtract } from './extract.js';
import { registerIngest } from './ingest.js';
import { registerQueries } from './query.js';
import { registerStart } from './start.js';
import { stdio, type Io } from './output.js';

export function buildProgram(io: Io = stdio): Command {
  const program = new Command('luocdo')
    .description(
      'a knowledge graph of Vietnamese legal and directive documents and the reports that cite them',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  registerDb(program, io);
  registerExtract(program, io);
  registerIngest(program, io);
  registerQueries(program, io);
  registerAudit(program, io);
  registerStart(program, io);
  return program;
}

/** Runs the CLI and returns the exit status: 0 ok, 1 failure, 2 usage. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  process.exitCode = 0;
  try {
    await buildProgram(io).parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(formatError(e));
    if (!isLuocdoError(e) && process.env['LUOCDO_DEBUG'] && e instanceof Error) io.err(e.stack ?? '');
    return 1;
  } finally {
    await closeDrivers();
  }
}
