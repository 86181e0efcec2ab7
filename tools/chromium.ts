// Finds the system Chromium for the browser tests; with --ensure, installs Debian's `chromium` when none is found.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

export const HOW_TO_INSTALL =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`; macOS: Google Chrome) ' +
  'or point CHROMIUM_PATH at a Chromium or Chrome binary.';

/** The browser binary to drive, or undefined. CHROMIUM_PATH wins when it names a file. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

function aptInstall(): boolean {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = isRoot ? [] : spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : null;
  if (!prefix || spawnSync('apt-get', ['--version']).status !== 0) return false;
  const run = (...args: string[]): void => {
    const [command, ...rest] = [...prefix, ...args];
    execFileSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  console.log('No Chromium found; installing Debian chromium with apt-get (once per machine)...');
  run('apt-get', 'update', '-qq');
  run('apt-get', 'install', '-y', '-qq', 'chromium');
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let found = findChromium();
  if (!found && process.argv.includes('--ensure') && !process.env.CHROMIUM_PATH && aptInstall()) found = findChromium();
  if (!found) {
    console.error(
      process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.` : HOW_TO_INSTALL,
    );
    process.exit(1);
  }
  console.log(`Chromium for the browser tests: ${found}`);
}
