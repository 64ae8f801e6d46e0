import { join } from 'node:path';
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
