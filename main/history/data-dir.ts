// Where Vigie keeps its data: the folder Electron's `userData` is for an app named "Vigie", so the
// command line and the app share one history.
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The default data folder on this OS. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const home = env['HOME'] ?? homedir();
  switch (platform) {
    case 'win32':
      return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'Vigie');
    case 'darwin':
      return join(home, 'Library', 'Application Support', 'Vigie');
    default:
      return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), 'Vigie');
  }
}
