import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { testEnv } from './helpers/db.js';

// `serve` beyond loopback with the reads open to the network is refused unless told (issue 12). Only
// refusals are run here: a test never listens beyond 127.0.0.1. What `serve --public` prints is checked
// on the function that says it (test/unit/api-exposure.test.ts).

const TOKEN = 'token-for-the-serve-tests-0123';

describe('serve beyond loopback', () => {
  it.each([
    ['--host 0.0.0.0 without a token', ['--host', '0.0.0.0'], {}, /no LUOCDO_API_TOKEN is set/],
    ['LUOCDO_API_HOST=:: without a token', [], { LUOCDO_API_HOST: '::' }, /no LUOCDO_API_TOKEN is set/],
    [
      '--host 0.0.0.0 with a token but reads unprotected',
      ['--host', '0.0.0.0'],
      { LUOCDO_API_TOKEN: TOKEN },
      /LUOCDO_API_PROTECT_READS is not true/,
    ],
  ])(
    'refuses %s, saying why and what to do',
    async (_, args, env, why) => {
      const r = await runCli(['serve', '--port', '0', ...args], { env: testEnv(env), timeoutMs: 30_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^error API_EXPOSED: refusing to listen on (0\.0\.0\.0|::) \(beyond loopback\)/,
      );
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toContain('--public');
      expect(r.stdout).not.toContain('http://');
    },
    40_000,
  );
});
