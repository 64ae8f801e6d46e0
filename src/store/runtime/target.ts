import type { Settings } from '../../config.js';
import { LuocdoError } from '../../errors.js';
import { openDb, type Db, type Target } from '../connection.js';
import { credentialsSchema, layoutOf, readJsonFile, stateSchema } from './layout.js';

/** The server a command talks to: NEO4J_URI when set, else the local runtime (its credentials and state files). */
export function resolveTarget(settings: Settings): Target {
  if (settings.external) {
    return { ...settings.external, local: false, source: 'NEO4J_URI' };
  }
  const layout = layoutOf(settings);
  const creds = readJsonFile(layout.credentialsFile, credentialsSchema);
  if (!creds) {
    throw new LuocdoError('SERVER_NOT_RUNNING', `no local database in ${settings.dataDir}`, {
      hint: 'run `luocdo db start`, or set NEO4J_URI to use an existing server',
    });
  }
  const state = readJsonFile(layout.stateFile, stateSchema);
  return {
    uri: state?.uri ?? `bolt://127.0.0.1:${settings.boltPort}`,
    username: creds.user,
    password: creds.password,
    database: settings.database,
    local: true,
    source: `the local database in ${settings.dataDir}`,
  };
}

/** The database the settings point at (see `resolveTarget`). */
export function connect(settings: Settings): Db {
  return openDb(resolveTarget(settings), settings);
}
