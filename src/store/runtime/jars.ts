import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../config.js';
import { LuocdoError } from '../../errors.js';
import { projectRoot } from '../../paths.js';
import { jarDirOf, mavenRepoOf } from './layout.js';
import { checkMaven, run } from './tools.js';

/** The Neo4j version the POM pins, read from the POM itself so that there is one place to change it. */
export function pinnedNeo4jVersion(): string {
  const pom = readFileSync(join(projectRoot(), 'graph', 'pom.xml'), 'utf8');
  const m = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pom);
  if (!m?.[1]) throw new LuocdoError('JARS_FETCH_FAILED', 'graph/pom.xml does not pin <neo4j.version>');
  return m[1];
}

/**
 * The folder of Neo4j jars, fetched once with Maven into the git-ignored cache. A marker written last
 * says the copy is complete, so an interrupted fetch is redone rather than half-used.
 */
export async function ensureJars(
  settings: Settings,
  log: (line: string) => void = () => {},
): Promise<string> {
  const lib = jarDirOf(settings);
  const version = pinnedNeo4jVersion();
  const marker = join(lib, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === version) return lib;

  await checkMaven(settings.mvn);
  log(`fetching Neo4j ${version} jars with Maven into ${lib} (once)…`);
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(lib, { recursive: true });
  const r = await run(settings.mvn, [
    '-B',
    '-q',
    '-f',
    join(projectRoot(), 'graph', 'pom.xml'),
    `-Dmaven.repo.local=${mavenRepoOf(settings)}`,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${lib}`,
  ]);
  const jars = existsSync(lib) ? readdirSync(lib).filter((f) => f.endsWith('.jar')) : [];
  if (r.code !== 0 || jars.length === 0) {
    const tail = (r.stdout + r.stderr).trim().split('\n').slice(-5).join(' | ');
    throw new LuocdoError('JARS_FETCH_FAILED', `Maven could not fetch the Neo4j jars: ${tail}`, {
      hint: 'check that the Maven registry is reachable, or use an existing server with NEO4J_URI',
    });
  }
  writeFileSync(marker, version + '\n');
  return lib;
}
