import { spawn } from 'node:child_process';
import { LuocdoError } from '../../errors.js';

export type RunResult = { code: number | null; stdout: string; stderr: string };

/** Runs a program to completion; a program that cannot be found resolves with code null. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', (err) => resolvePromise({ code: null, stdout, stderr: stderr + err.message }));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

const USE_EXISTING =
  'or point luocdo at an existing Neo4j 5 server with NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD';

/** The major version of the Java runtime; Neo4j 5.26 needs 17 or 21. */
export async function checkJava(java: string): Promise<number> {
  const r = await run(java, ['-version']);
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  if (r.code !== 0 || !m) {
    throw new LuocdoError(
      'JAVA_MISSING',
      `no Java runtime at '${java}': the local Neo4j needs Java 17 or 21`,
      {
        hint: `install OpenJDK 17 (apt-get install openjdk-17-jre-headless), set JAVA_HOME or LUOCDO_JAVA, ${USE_EXISTING}`,
      },
    );
  }
  const major = Number(m[1] === '1' ? m[2] : m[1]);
  if (major < 17) {
    throw new LuocdoError(
      'JAVA_MISSING',
      `Java ${major} at '${java}' is too old: Neo4j 5.26 needs Java 17 or 21`,
      {
        hint: `install OpenJDK 17, set JAVA_HOME or LUOCDO_JAVA, ${USE_EXISTING}`,
      },
    );
  }
  return major;
}

export async function checkMaven(mvn: string): Promise<void> {
  const r = await run(mvn, ['-v']);
  if (r.code !== 0) {
    throw new LuocdoError(
      'MAVEN_MISSING',
      `no Maven at '${mvn}': it is needed once, to fetch the Neo4j jars`,
      {
        hint: `install Maven (apt-get install maven) or set LUOCDO_MVN, ${USE_EXISTING}`,
      },
    );
  }
}
