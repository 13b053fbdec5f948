// What is said when the checklist (its ticks, notes and runs) cannot be saved, and when it is again:
// `watch`'s stderr lines and the window's answer to a tick or a note the disk refused.

export const savingEn = {
  checklistLine: 'checklist not saved: {{reason}}. Vigie keeps checking and tries again.',
  checklistSavedAgain: 'checklist: saved again',
  notSaved: 'Not saved: {{reason}}.',
} as const;

export const savingFr = {
  checklistLine:
    'liste d’actions non enregistrée : {{reason}}. Vigie continue de vérifier et réessaie.',
  checklistSavedAgain: 'liste d’actions : de nouveau enregistrée',
  notSaved: 'Non enregistré : {{reason}}.',
};

export const savingAr = {
  checklistLine: 'لا تُحفظ قائمة الإجراءات: {{reason}}. يواصل Vigie الفحص ويعيد المحاولة.',
  checklistSavedAgain: 'قائمة الإجراءات: تُحفَظ من جديد',
  notSaved: 'لم يُحفَظ: {{reason}}.',
};
