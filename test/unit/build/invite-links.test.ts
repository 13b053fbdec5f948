// The installers register `vigie-team:` invite links: electron-builder reads `protocols` from
// electron-builder.yml (valid against its schema) and writes, on Linux, the .desktop file's
// MimeType with the launch line that passes the link to Vigie (%U); macOS's Info.plist gets the
// same scheme from the same entry.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { DebugLogger } from 'builder-util';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function config(): Promise<Configuration> {
  return getConfig(ROOT, 'electron-builder.yml', null);
}

describe('invite links in the installers', () => {
  it('declares the vigie-team scheme, valid for electron-builder', async () => {
    const read = await config();
    await validateConfiguration(read, new DebugLogger(false));
    expect(read.protocols).toEqual([{ name: 'Vigie team invite', schemes: ['vigie-team'] }]);
  });

  it('gives the Linux .desktop file the scheme and a launch line that passes the link', async () => {
    const read = await config();
    // What the Linux packager hands the helper for the .desktop file (no build needed).
    const packager = {
      appInfo: {
        productName: 'Vigie',
        sanitizedProductName: 'Vigie',
        productFilename: 'Vigie',
        description: 'Tray app',
      },
      config: read,
      platformSpecificBuildOptions: read.linux ?? {},
      fileAssociations: [],
      info: { metadata: { desktopName: 'vigie.desktop' } },
      executableName: 'vigie',
    };
    // The helper's constructor wants the whole LinuxPackager; these are the fields it reads here.
    const helper = new LinuxTargetHelper(
      packager as unknown as ConstructorParameters<typeof LinuxTargetHelper>[0],
    );
    const entry = await helper.computeDesktopEntry(read.linux ?? {});
    expect(entry).toContain('\nMimeType=x-scheme-handler/vigie-team;\n');
    expect(entry).toMatch(/\nExec=\S+ %U\n/);
  });
});
