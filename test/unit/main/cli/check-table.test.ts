// What `check` prints as a table, as a person reads it in a terminal.
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../../shared/i18n';
import { snapshotTable } from '../../../../main/cli/output';
import { snapshotOf, statusOf } from '../../../helpers/statuses';

const AT = new Date(2021, 9, 4, 17, 12, 5).getTime();
const times = { at: AT, since: AT };
const names = ['WhatsApp', 'Facebook', 'Instagram'];

describe('check table', () => {
  it('offline: the overall line says why once, not once per service', () => {
    const snapshot = snapshotOf(
      AT,
      'offline',
      names.map((n) => statusOf(n, 'unknown', 'local', times)),
      { connectivity: { state: 'offline', detail: '', references: [] } },
    );
    for (const lang of ['en', 'fr', 'ar'] as const) {
      const tr = createTranslator(lang);
      const table = snapshotTable(snapshot, false, tr);
      const why = tr.t('window.bannerOffline');
      expect(table.split(why).length - 1).toBe(1);
      const rows = table.split('\n').filter((l) => names.some((n) => l.startsWith(n)));
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row.endsWith(tr.t('cli.local'))).toBe(true);
        expect(row).not.toContain(tr.t('evidence.local'));
      }
    }
  });

  it('online: a service unknown for this computer (just back) still says why on its row', () => {
    const snapshot = snapshotOf(AT, 'ok', [statusOf('WhatsApp', 'unknown', 'local', times)]);
    const en = createTranslator('en');
    expect(snapshotTable(snapshot, false, en)).toContain(en.t('evidence.local'));
  });
});
