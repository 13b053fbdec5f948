// Saving an export or a report where the user chooses.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';

/** Asks where to save (a native dialog over the window), then writes the file whole or not at all. */
export async function saveFile(
  parent: BrowserWindow | null,
  suggestedName: string,
  content: string,
): Promise<string | null> {
  const options = { defaultPath: join(app.getPath('documents'), suggestedName) };
  const choice = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  const temp = `${choice.filePath}.vigie-tmp`;
  writeFileSync(temp, content);
  renameSync(temp, choice.filePath);
  return choice.filePath;
}
