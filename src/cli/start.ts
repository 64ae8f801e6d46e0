import type { Command } from 'commander';
import { loadSettings } from '../config.js';
import { startServer } from '../store/runtime/server.js';
import type { Io } from './output.js';

/** `npm start`: the main job on the local default. Later issues add loading the seeds and serving GraphQL. */
export function registerStart(program: Command, io: Io): void {
  program
    .command('start')
    .description('start the database (local unless NEO4J_URI is set) and say how to connect')
    .action(async () => {
      const settings = loadSettings();
      const r = await startServer(settings, (l) => io.err(l));
      io.out(
        r.external
          ? `using the existing server at ${r.uri}`
          : `Neo4j ${r.alreadyRunning ? 'already running' : 'started'} at ${r.uri}`,
      );
      io.out(
        `user: ${r.user}; password: ${settings.external ? 'NEO4J_PASSWORD' : `in ${settings.dataDir}/credentials.json`}`,
      );
      io.out(`query it: npx luocdo db cypher "MATCH (n) RETURN count(n) AS nodes"`);
      io.out(`stop it:  npx luocdo db stop`);
    });
}
