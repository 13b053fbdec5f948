// Saving an export or a report where the user chooses.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { messageOf, Refusal } from '../../shared/errors';

/** What the window says when the chosen place refuses the file, by the system's error code. */
const REFUSED: Readonly<Record<string, string>> = {
  ENOSPC: 'refusals.exportFull',
  EDQUOT: 'refusals.exportFull',
  EACCES: 'refusals.exportDenied',
  EPERM: 'refusals.exportDenied',
  EROFS: 'refusals.exportReadOnly',
};

/**
 * Asks where to save (a native dialog over the window), then writes the file whole or not at all;
 * a place that refuses it (a full key, a folder Vigie may not write) leaves nothing behind and is
 * said in the window's language.
 */
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
  try {
    writeFileSync(temp, content);
    renameSync(temp, choice.filePath);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = String((error as { code?: unknown }).code);
    throw new Refusal(
      REFUSED[code] ?? 'refusals.exportFailed',
      { dir: dirname(choice.filePath) },
      `not saved to ${choice.filePath}: ${messageOf(error)}`,
    );
  }
  return choice.filePath;
}
