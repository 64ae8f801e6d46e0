import { execFileSync } from 'node:child_process';

/** Debian's chromium, installed by scripts/ensure-chromium.sh (npm's pretest), or LUOCDO_CHROMIUM; '' when none. */
export const chromiumExecutable = (): string =>
  process.env['LUOCDO_CHROMIUM'] ??
  execFileSync('sh', ['-c', 'command -v chromium || true']).toString().trim();
