import { join } from 'node:path';
import type { Command } from 'commander';
import { loadSettings } from '../config.js';
import { projectRoot } from '../paths.js';
import { counts } from '../store/ingest.js';
import { ingestPaths } from '../ingest/pipeline.js';
import { startServer } from '../store/runtime/server.js';
import { connect } from '../store/runtime/target.js';
import { summaryLine } from './ingest.js';
import { serve } from './query.js';
import type { Io } from './output.js';

/** `npm start`: the database (local unless NEO4J_URI is set), the seeds on an empty graph, then the GraphQL API. */
export function registerStart(program: Command, io: Io): void {
  program
    .command('start')
    .description('start the database, load seeds/ into an empty graph, and serve the GraphQL API')
    .option('--no-seeds', 'do not load the seeds')
    .option('--no-serve', 'do not serve the GraphQL API afterwards')
    .action(async (opts: { seeds: boolean; serve: boolean }) => {
      const settings = loadSettings();
      const r = await startServer(settings, (l) => io.err(l));
      io.out(
        r.external
          ? `using the existing server at ${r.uri}`
          : `Neo4j ${r.alreadyRunning ? 'already running' : 'started'} at ${r.uri}`,
      );
      const db = connect(settings);
      if (opts.seeds && (await counts(db)).sources === 0) {
        const s = await ingestPaths(db, [join(projectRoot(), 'seeds')], {
          maxBytes: settings.maxFileBytes,
          limits: settings.readLimits,
          memoryBudget: settings.memoryBudgetBytes,
          concurrency: 1,
          dryRun: false,
        });
        io.out(`seeds: ${summaryLine(s)}`);
      }
      const c = await counts(db);
      io.out(
        `graph: ${c.documents} documents (${c.withText} with text, ${c.sources} source files), ${c.citations} citations, ${c.organizations} organizations, ${c.relationships} relationships`,
      );
      io.out(
        `Neo4j user: ${r.user}; password: ${settings.external ? 'NEO4J_PASSWORD' : `in ${settings.dataDir}/credentials.json`}`,
      );
      io.out(
        'at a terminal: npx luocdo trace 22-CT/TU · npx luocdo chain 70/KH-UBND --in · npx luocdo db stop',
      );
      if (opts.serve) await serve(io);
    });
}
