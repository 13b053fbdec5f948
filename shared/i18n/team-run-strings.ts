// The words of a team's shared run (docs/team.md): who did each step and when, an incident a
// teammate reported that this computer does not see, the team's notes, and the report's team
// timeline, in English, French and Arabic.

export const teamRunEn = {
  stepBy: '{{name}} · {{time}}',
  stepByName: '{{name}}',
  stepUnticked: 'unticked by {{name}} · {{time}}',
  stepUntickedName: 'unticked by {{name}}',
  notSeen: 'Reported by {{name}}; not seen from this computer.',
  notSeenWhy:
    'From here, {{services}} answers: the outage may be limited to {{name}}’s network or country.',
  shared: 'Shared with your team: {{members}}.',
  notes: 'Team notes',
  noteBy: '{{name}} · {{time}}',
  reportTicked: 'Done by {{name}}: {{step}}',
  reportUnticked: 'Undone by {{name}}: {{step}}',
  reportNote: 'Note from {{name}}: {{text}}',
  reportNoteLine: '{{name}}: {{text}}',
  reportOpened: '{{name}} opened the team’s incident for {{service}}',
  reportBy: 'done by {{name}} on {{date}} at {{time}}',
  reportByName: 'done by {{name}}',
  reportTeam: 'Team',
  reportSeen: 'Seen from this computer',
  reportSeenHere: 'yes',
  reportNotSeen: 'no, reported by {{name}}',
};

export const teamRunFr: typeof teamRunEn = {
  stepBy: '{{name}} · {{time}}',
  stepByName: '{{name}}',
  stepUnticked: 'décochée par {{name}} · {{time}}',
  stepUntickedName: 'décochée par {{name}}',
  notSeen: 'Signalée par {{name}}\u202f; pas constatée depuis cet ordinateur.',
  notSeenWhy:
    'D’ici, {{services}} répond\u00a0: la panne se limite peut-être au réseau ou au pays de {{name}}.',
  shared: 'Partagée avec votre équipe\u00a0: {{members}}.',
  notes: 'Notes de l’équipe',
  noteBy: '{{name}} · {{time}}',
  reportTicked: 'Fait par {{name}}\u00a0: {{step}}',
  reportUnticked: 'Décoché par {{name}}\u00a0: {{step}}',
  reportNote: 'Note de {{name}}\u00a0: {{text}}',
  reportNoteLine: '{{name}}\u00a0: {{text}}',
  reportOpened: '{{name}} a ouvert l’incident de l’équipe pour {{service}}',
  reportBy: 'fait par {{name}} le {{date}} à {{time}}',
  reportByName: 'fait par {{name}}',
  reportTeam: 'Équipe',
  reportSeen: 'Constatée depuis cet ordinateur',
  reportSeenHere: 'oui',
  reportNotSeen: 'non, signalée par {{name}}',
};

export const teamRunAr: typeof teamRunEn = {
  stepBy: '{{name}} · {{time}}',
  stepByName: '{{name}}',
  stepUnticked: 'ألغى {{name}} التأشير · {{time}}',
  stepUntickedName: 'ألغى {{name}} التأشير',
  notSeen: 'أبلغ عنه {{name}}، ولا يظهر من هذا الحاسوب.',
  notSeenWhy: 'من هنا يستجيب {{services}}: قد يقتصر الانقطاع على شبكة {{name}} أو بلده.',
  shared: 'مشترك مع فريقك: {{members}}.',
  notes: 'ملاحظات الفريق',
  noteBy: '{{name}} · {{time}}',
  reportTicked: 'أنجزه {{name}}: {{step}}',
  reportUnticked: 'ألغى {{name}} إنجازه: {{step}}',
  reportNote: 'ملاحظة من {{name}}: {{text}}',
  reportNoteLine: '{{name}}: {{text}}',
  reportOpened: 'فتح {{name}} حادث الفريق: {{service}}',
  reportBy: 'أنجزه {{name}} في {{date}} الساعة {{time}}',
  reportByName: 'أنجزه {{name}}',
  reportTeam: 'الفريق',
  reportSeen: 'رُصد من هذا الحاسوب',
  reportSeenHere: 'نعم',
  reportNotSeen: 'لا، أبلغ عنه {{name}}',
};
