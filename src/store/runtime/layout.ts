import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Settings } from '../../config.js';

/** Where the local server keeps everything, below LUOCDO_DATA_DIR. */
export type Layout = {
  dataDir: string;
  home: string;
  confDir: string;
  storeDir: string;
  logsDir: string;
  runDir: string;
  consoleLog: string;
  credentialsFile: string;
  stateFile: string;
};

export function layoutOf(settings: Pick<Settings, 'dataDir'>): Layout {
  const home = join(settings.dataDir, 'neo4j');
  return {
    dataDir: settings.dataDir,
    home,
    confDir: join(home, 'conf'),
    storeDir: join(home, 'data'),
    logsDir: join(home, 'logs'),
    runDir: join(home, 'run'),
    consoleLog: join(home, 'logs', 'console.log'),
    credentialsFile: join(settings.dataDir, 'credentials.json'),
    stateFile: join(settings.dataDir, 'server.json'),
  };
}

export const jarDirOf = (settings: Pick<Settings, 'cacheDir'>): string =>
  join(settings.cacheDir, 'neo4j', 'lib');
export const mavenRepoOf = (settings: Pick<Settings, 'cacheDir'>): string => join(settings.cacheDir, 'm2');

/** credentials.json: the generated password of the local server, readable by its owner only. */
export const credentialsSchema = z.object({ user: z.string().min(1), password: z.string().min(8) });
/** server.json: the running local server, written when it starts and removed when it stops. */
export const stateSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().positive(),
  uri: z.string(),
  home: z.string(),
  startedAt: z.string(),
  version: z.string(),
});
export type ServerState = z.infer<typeof stateSchema>;

/** A JSON file of the layout, or undefined when it is missing or not of the expected shape. */
export function readJsonFile<T>(path: string, schema: z.ZodType<T>): T | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}
