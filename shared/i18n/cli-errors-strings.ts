// The command line's refusals that name what it does know: an unknown checklist or incident for
// `history --report`, an unknown service for `history --service`.
const NB = '\u00a0';
const NNB = '\u202f';
/** Isolates a command inside Arabic, so it reads left to right. */
const ltr = (token: string) => `\u2066${token}\u2069`;
const INCIDENTS = 'npx vigie history --format json';

export const cliErrorsEn = {
  noRun: `No checklist or incident "{{id}}". Checklists: {{runs}}; \`${INCIDENTS}\` lists the incidents.`,
  noRunYet: `No checklist or incident "{{id}}", and no checklist yet; \`${INCIDENTS}\` lists the incidents.`,
  noService: 'No history for service "{{service}}". Recorded: {{services}}',
  noServiceYet: 'No history for service "{{service}}": nothing recorded yet.',
} as const;

export const cliErrorsFr: Record<keyof typeof cliErrorsEn, string> = {
  noRun: `Aucune liste d’actions ni aucun incident «${NB}{{id}}${NB}». Listes d’actions${NB}: {{runs}}${NNB}; \`${INCIDENTS}\` liste les incidents.`,
  noRunYet: `Aucune liste d’actions ni aucun incident «${NB}{{id}}${NB}», et aucune liste d’actions pour l’instant${NNB}; \`${INCIDENTS}\` liste les incidents.`,
  noService: `Aucun historique pour le service «${NB}{{service}}${NB}». Services enregistrés${NB}: {{services}}`,
  noServiceYet: `Aucun historique pour le service «${NB}{{service}}${NB}»${NB}: rien n’est encore enregistré.`,
};

export const cliErrorsAr: Record<keyof typeof cliErrorsEn, string> = {
  noRun: `لا توجد قائمة إجراءات ولا حادثة بالمعرّف «{{id}}». قوائم الإجراءات: {{runs}}؛ يسرد الأمر ${ltr(INCIDENTS)} الحوادث.`,
  noRunYet: `لا توجد قائمة إجراءات ولا حادثة بالمعرّف «{{id}}»، ولا قائمة إجراءات بعد؛ يسرد الأمر ${ltr(INCIDENTS)} الحوادث.`,
  noService: 'لا يوجد سجل للخدمة «{{service}}». الخدمات المسجّلة: {{services}}',
  noServiceYet: 'لا يوجد سجل للخدمة «{{service}}»: لم يُسجَّل شيء بعد.',
};
