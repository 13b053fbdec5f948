// Which record index is which service, and the name it was recorded under. Records carry only an
// index (a few bytes each); `services.journal` says which service each index is, and its whole
// copy `services.json` (written aside, then renamed) keeps one damaged journal line from
// orphaning that service's records. The name lets `history` show a user's own service by name.
import { messageOf } from '../../shared/errors';
import { countOf } from '../../shared/format';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJournal } from './journal';

/** A line of services.journal: which index is which service, and its name then. */
export interface ServiceEntry {
  readonly index: number;
  readonly id: string;
  readonly name?: string;
}

export class ServiceDictionary {
  /** The id at each index (holes where both copies lost one). */
  readonly byIndex: string[] = [];
  private readonly names = new Map<string, string>();

  /** Reads the journal, completed from services.json; returns what it had to skip, in words. */
  load(dir: string): string[] {
    const warnings: string[] = [];
    const { entries, skipped } = readJournal(join(dir, 'services.journal'));
    for (const entry of entries) {
      const { index, id, name } = entry as Partial<ServiceEntry>;
      if (typeof index === 'number' && typeof id === 'string') this.byIndex[index] = id;
      // Files written before names were journaled have none: the caller's catalog names them.
      if (typeof id === 'string' && typeof name === 'string') this.names.set(id, name);
    }
    let recovered = 0;
    const copy = join(dir, 'services.json');
    if (existsSync(copy)) {
      try {
        const saved = (JSON.parse(readFileSync(copy, 'utf8')) as { services?: unknown }).services;
        if (!Array.isArray(saved)) throw new Error('no list of services');
        saved.forEach((id: unknown, index) => {
          if (typeof id === 'string' && this.byIndex[index] === undefined) {
            this.byIndex[index] = id;
            recovered++;
          }
        });
      } catch (error) {
        warnings.push(
          `services.json: unreadable (${messageOf(error)}); the journal alone was used`,
        );
      }
    }
    if (skipped > 0)
      warnings.push(
        recovered >= skipped
          ? `services.journal: ${countOf(skipped, 'damaged line')} skipped; services.json had them`
          : `services.journal: ${countOf(skipped, 'damaged line')} skipped`,
      );
    return warnings;
  }

  /** Gives a new service the next index. */
  add(id: string): number {
    this.byIndex.push(id);
    return this.byIndex.length - 1;
  }

  /** The journal line to write when a service is new or has a new name; null when nothing changed. */
  entryFor(index: number, id: string, name: string, isNew: boolean): ServiceEntry | null {
    if (!isNew && this.names.get(id) === name) return null;
    this.names.set(id, name);
    return { index, id, name };
  }

  nameOf(id: string): string | undefined {
    return this.names.get(id);
  }

  /** Writes the whole copy, services.json. */
  save(dir: string): void {
    const path = join(dir, 'services.json');
    const temp = `${path}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, services: this.byIndex }));
    renameSync(temp, path);
  }
}
