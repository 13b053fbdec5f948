// The playbooks file on a disk that fills up: a change the window asks for (the business name,
// an edited message or playbook) is not shown as made, and the window is told why in its language.
import { afterEach, expect, it } from 'vitest';
import { Checklist } from '../../../../main/playbooks';
import { NotSavedError } from '../../../../main/history/problem';
import { createHandlers, type HandlerDeps } from '../../../../main/shell/handlers';
import { createTranslator } from '../../../../shared/i18n';
import { REAL_START } from '../../../helpers/clock';
import { smallDisk } from '../../../helpers/small-disk';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanup.splice(0).reverse()) undo();
});

it('a change the full disk refuses is said in French and leaves the file as it was', () => {
  const small = smallDisk();
  cleanup.push(() => small.close());
  const checklist = new Checklist(small.dir, () => REAL_START);
  checklist.playbooks.setProfile({ businessName: 'Chez Awa', contact: '' });
  const handlers = createHandlers({
    checklist,
    translator: () => createTranslator('fr'),
  } as Partial<HandlerDeps> as HandlerDeps);
  small.fill();
  expect(() => checklist.playbooks.setProfile({ businessName: 'Boutique', contact: '' })).toThrow(
    NotSavedError,
  );
  expect(() => handlers['checklist:profile']({ businessName: 'Boutique', contact: '' })).toThrow(
    `Non enregistré\u00a0: le disque de ${small.dir}/checklists est plein\u202f; libérez de la place.`,
  );
  expect(checklist.playbooks.profile().businessName).toBe('Chez Awa');
  small.free();
  expect(new Checklist(small.dir, () => REAL_START).playbooks.profile().businessName).toBe(
    'Chez Awa',
  );
});
