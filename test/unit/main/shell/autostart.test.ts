// Launch at login on Linux, as the XDG Autostart specification describes it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartPath, hasAutostart, setAutostart } from '../../../../main/shell/autostart';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'vigie-home-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('XDG autostart', () => {
  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config when it is unset or relative', () => {
    expect(autostartPath({ XDG_CONFIG_HOME: '/cfg' }, home)).toBe('/cfg/autostart/vigie.desktop');
    expect(autostartPath({}, home)).toBe(join(home, '.config/autostart/vigie.desktop'));
    expect(autostartPath({ XDG_CONFIG_HOME: 'rel' }, home)).toBe(
      join(home, '.config/autostart/vigie.desktop'),
    );
  });

  it('turned on, starts the app quietly at login; turned off, the entry is gone', () => {
    const path = autostartPath({}, home);
    setAutostart(path, true, '/opt/My Apps/Vigie "beta".AppImage');
    expect(readFileSync(path, 'utf8')).toContain(
      'Exec="/opt/My Apps/Vigie \\"beta\\".AppImage" --hidden',
    );
    expect(hasAutostart(path)).toBe(true);
    setAutostart(path, false, '/opt/vigie');
    expect(hasAutostart(path)).toBe(false);
  });

  it('an entry the desktop switched off reads as off', () => {
    const path = autostartPath({}, home);
    setAutostart(path, true, '/opt/vigie');
    writeFileSync(path, `${readFileSync(path, 'utf8')}Hidden=true\n`);
    expect(hasAutostart(path)).toBe(false);
  });
});
