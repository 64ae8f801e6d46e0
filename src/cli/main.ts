import { Command, CommanderError } from 'commander';
import { isLuocdoError } from '../errors.js';
import { closeDrivers } from '../store/drivers.js';
import { errorLine, stdio, type Io } from './output.js';

type Register = (program: Command, io: Io) => void;

/**
 * Each command's module, loaded only when the command runs: `luocdo extract` never loads the Neo4j driver or
 * the GraphQL server (a small file answers in a fraction of the time the whole program takes to load).
 */
const MODULES: ReadonlyArray<{ commands: readonly string[]; load: () => Promise<Register> }> = [
  { commands: ['db'], load: async () => (await import('./db.js')).registerDb },
  { commands: ['extract'], load: async () => (await import('./extract.js')).registerExtract },
  { commands: ['ingest', 'remove'], load: async () => (await import('./ingest.js')).registerIngest },
  { commands: ['load'], load: async () => (await import('./load.js')).registerLoad },
  {
    commands: ['serve', 'show', 'trace', 'chain'],
    load: async () => (await import('./query.js')).registerQueries,
  },
  { commands: ['registry'], load: async () => (await import('./registry.js')).registerRegistry },
  { commands: ['audit'], load: async () => (await import('./audit.js')).registerAudit },
  { commands: ['start'], load: async () => (await import('./start.js')).registerStart },
];

/** The program with the modules of `command` only, or of every command when it names none of them (help). */
export async function buildProgram(io: Io = stdio, command?: string): Promise<Command> {
  const program = new Command('luocdo')
    .description(
      'a knowledge graph of Vietnamese legal and directive documents and the reports that cite them',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const one = MODULES.filter((m) => command !== undefined && m.commands.includes(command));
  for (const m of one.length ? one : MODULES) (await m.load())(program, io);
  return program;
}

/** Runs the CLI and returns the exit status: 0 ok, 1 failure, 2 usage. */
export async function main(argv: string[], io: Io = stdio): Promise<number> {
  process.exitCode = 0;
  try {
    const command = argv.slice(2).find((a) => !a.startsWith('-'));
    await (await buildProgram(io, command)).parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(errorLine(e));
    if (!isLuocdoError(e) && process.env['LUOCDO_DEBUG'] && e instanceof Error) io.err(e.stack ?? '');
    return 1;
  } finally {
    await closeDrivers();
  }
}
