// What the window is told when main refuses a call it can meet: a part of Vigie not available
// here, a name already taken, a checklist gone since the window last looked. Said in the window's
// language, never in a lower layer's English.
const NB = '\u00a0';
const NNB = '\u202f';
/** Isolates a left-to-right token (a folder) inside Arabic. */
const ltr = (token: string) => `\u2066${token}\u2069`;

export const refusalsEn = {
  noLogs: 'Vigie keeps no logs on this computer.',
  logsNotOpened: 'The logs folder could not be opened; open it yourself: {{dir}}',
  noAlerts: 'Alerts beyond this computer are not available here.',
  noChecklist: 'The checklists folder could not be opened: checklists cannot be used for now.',
  noTeams: 'Teams are not available here.',
  runGone: 'This checklist is no longer here: open Checklist again.',
  channelTaken: 'A channel is already named “{{id}}”: choose another name.',
  channelGone: 'There is no channel named “{{id}}” any more.',
  exportFull:
    'Not saved: the disk holding {{dir}} is full; free some space or choose another place.',
  exportDenied: 'Not saved: Vigie may not write in {{dir}}; choose another place.',
  exportReadOnly: 'Not saved: {{dir}} is on a read-only disk; choose another place.',
  exportFailed: 'Not saved: the file could not be written in {{dir}}; choose another place.',
} as const;

export const refusalsFr: Record<keyof typeof refusalsEn, string> = {
  noLogs: 'Vigie ne garde pas de journaux sur cet ordinateur.',
  logsNotOpened: `Le dossier des journaux n’a pas pu être ouvert${NNB}; ouvrez-le vous-même${NB}: {{dir}}`,
  noAlerts: 'Les alertes hors de cet ordinateur ne sont pas disponibles ici.',
  noChecklist: `Le dossier des listes d’actions n’a pas pu être ouvert${NB}: les listes d’actions sont indisponibles pour l’instant.`,
  noTeams: 'Les équipes ne sont pas disponibles ici.',
  runGone: `Cette liste d’actions n’existe plus${NB}: rouvrez Liste d’actions.`,
  channelTaken: `Un canal s’appelle déjà «${NB}{{id}}${NB}»${NB}: choisissez un autre nom.`,
  channelGone: `Il n’y a plus de canal nommé «${NB}{{id}}${NB}».`,
  exportFull: `Non enregistré${NB}: le disque de {{dir}} est plein${NNB}; libérez de la place ou choisissez un autre emplacement.`,
  exportDenied: `Non enregistré${NB}: Vigie n’a pas le droit d’écrire dans {{dir}}${NNB}; choisissez un autre emplacement.`,
  exportReadOnly: `Non enregistré${NB}: {{dir}} est sur un disque en lecture seule${NNB}; choisissez un autre emplacement.`,
  exportFailed: `Non enregistré${NB}: le fichier n’a pas pu être écrit dans {{dir}}${NNB}; choisissez un autre emplacement.`,
};

export const refusalsAr: Record<keyof typeof refusalsEn, string> = {
  noLogs: 'لا يحتفظ Vigie بسجلات تشغيل على هذا الحاسوب.',
  logsNotOpened: `تعذّر فتح مجلد سجلات التشغيل؛ افتحه بنفسك: ${ltr('{{dir}}')}`,
  noAlerts: 'التنبيهات خارج هذا الحاسوب غير متاحة هنا.',
  noChecklist: 'تعذّر فتح مجلد قوائم الإجراءات: لا يمكن استخدام قوائم الإجراءات حاليًا.',
  noTeams: 'الفرق غير متاحة هنا.',
  runGone: 'لم تعد قائمة الإجراءات هذه موجودة: افتح «قائمة الإجراءات» من جديد.',
  channelTaken: 'توجد قناة باسم «{{id}}» من قبل: اختر اسمًا آخر.',
  channelGone: 'لم تعد توجد قناة باسم «{{id}}».',
  exportFull: `لم يُحفَظ: القرص الذي يحوي ${ltr('{{dir}}')} ممتلئ؛ حرّر بعض المساحة أو اختر مكانًا آخر.`,
  exportDenied: `لم يُحفَظ: لا يملك Vigie إذن الكتابة في ${ltr('{{dir}}')}؛ اختر مكانًا آخر.`,
  exportReadOnly: `لم يُحفَظ: ${ltr('{{dir}}')} على قرص للقراءة فقط؛ اختر مكانًا آخر.`,
  exportFailed: `لم يُحفَظ: تعذّرت كتابة الملف في ${ltr('{{dir}}')}؛ اختر مكانًا آخر.`,
};
