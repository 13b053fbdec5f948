// Launch at login on Linux: Electron's setLoginItemSettings does nothing there; desktops follow
// the XDG Autostart specification (a .desktop entry in $XDG_CONFIG_HOME/autostart). Plain Node.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeDir } from '../files/make-dir';

/** The flag a launch at login carries, so the app starts quietly in the tray. */
export const HIDDEN_FLAG = '--hidden';

/** Where the entry lives: `$XDG_CONFIG_HOME/autostart/vigie.desktop` (default `~/.config`). */
export function autostartPath(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const config =
    env['XDG_CONFIG_HOME'] && env['XDG_CONFIG_HOME'].startsWith('/')
      ? env['XDG_CONFIG_HOME']
      : join(home, '.config');
  return join(config, 'autostart', 'vigie.desktop');
}

/** Quotes an Exec argument as the Desktop Entry specification says. */
function execArgument(value: string): string {
  return `"${value.replace(/["`$\\]/g, (c) => `\\${c}`)}"`;
}

/** The entry that starts `executable` (an AppImage's own path when run from one) at login. */
export function autostartEntry(executable: string, name = 'Vigie'): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${name}`,
    `Exec=${execArgument(executable)} ${HIDDEN_FLAG}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Turns launch at login on (written aside, then renamed into place) or off. */
export function setAutostart(path: string, enabled: boolean, executable: string): void {
  if (!enabled) {
    rmSync(path, { force: true });
    return;
  }
  makeDir(dirname(path));
  const temp = `${path}.tmp`;
  writeFileSync(temp, autostartEntry(executable));
  renameSync(temp, path);
}

/** Whether an entry is there and not switched off (Hidden=true or X-GNOME-Autostart-enabled=false). */
export function hasAutostart(path: string): boolean {
  if (!existsSync(path)) return false;
  const text = readFileSync(path, 'utf8');
  return (
    !/^Hidden\s*=\s*true\s*$/m.test(text) &&
    !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text)
  );
}
