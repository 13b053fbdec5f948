// What the window is told when main refuses a call it can meet: a part of Vigie not available
// here, a name already taken, a checklist gone since the window last looked. Said in the window's
// language, never in a lower layer's English.
const NB = '\u00a0';

export const refusalsEn = {
  noLogs: 'Vigie keeps no logs on this computer.',
  noAlerts: 'Alerts beyond this computer are not available here.',
  noChecklist: 'The checklists folder could not be opened: checklists cannot be used for now.',
  noTeams: 'Teams are not available here.',
  runGone: 'This checklist is no longer here: open Checklist again.',
  channelTaken: 'A channel is already named “{{id}}”: choose another name.',
  channelGone: 'There is no channel named “{{id}}” any more.',
} as const;

export const refusalsFr: Record<keyof typeof refusalsEn, string> = {
  noLogs: 'Vigie ne garde pas de journaux sur cet ordinateur.',
  noAlerts: 'Les alertes hors de cet ordinateur ne sont pas disponibles ici.',
  noChecklist: `Le dossier des listes d’actions n’a pas pu être ouvert${NB}: les listes d’actions sont indisponibles pour l’instant.`,
  noTeams: 'Les équipes ne sont pas disponibles ici.',
  runGone: `Cette liste d’actions n’existe plus${NB}: rouvrez Liste d’actions.`,
  channelTaken: `Un canal s’appelle déjà «${NB}{{id}}${NB}»${NB}: choisissez un autre nom.`,
  channelGone: `Il n’y a plus de canal nommé «${NB}{{id}}${NB}».`,
};

export const refusalsAr: Record<keyof typeof refusalsEn, string> = {
  noLogs: 'لا يحتفظ Vigie بسجلات تشغيل على هذا الحاسوب.',
  noAlerts: 'التنبيهات خارج هذا الحاسوب غير متاحة هنا.',
  noChecklist: 'تعذّر فتح مجلد قوائم الإجراءات: لا يمكن استخدام قوائم الإجراءات حاليًا.',
  noTeams: 'الفرق غير متاحة هنا.',
  runGone: 'لم تعد قائمة الإجراءات هذه موجودة: افتح «قائمة الإجراءات» من جديد.',
  channelTaken: 'توجد قناة باسم «{{id}}» من قبل: اختر اسمًا آخر.',
  channelGone: 'لم تعد توجد قناة باسم «{{id}}».',
};
