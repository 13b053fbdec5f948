// The words Settings → Team shows when an invite link was opened from another app (a chat, an
// e-mail) and its invite put in the form, in English, French and Arabic. In Arabic the invite's
// prefix is isolated (U+2066 … U+2069).

export const teamLinkEn = {
  opened:
    'An invite link was opened: its invite is below. Join only a team you trust: the invite gives access to what the team shares. Give your name, then choose “Join the team”.',
  openedInTeam:
    'An invite link was opened, but this computer already has a team. If a teammate made a new team secret, the invite is below: choose “Use the new invite”. To join another team, leave this one first.',
  relay: 'This invite’s relay: {{server}}',
};

export const teamLinkFr: typeof teamLinkEn = {
  opened:
    'Un lien d’invitation a été ouvert\u00a0: son invitation est ci-dessous. Ne rejoignez qu’une équipe de confiance\u00a0: l’invitation donne accès à ce que l’équipe partage. Donnez votre nom, puis choisissez «\u00a0Rejoindre l’équipe\u00a0».',
  openedInTeam:
    'Un lien d’invitation a été ouvert, mais cet ordinateur a déjà une équipe. Si un coéquipier a créé un nouveau secret d’équipe, l’invitation est ci-dessous\u00a0: choisissez «\u00a0Utiliser la nouvelle invitation\u00a0». Pour rejoindre une autre équipe, quittez d’abord celle-ci.',
  relay: 'Relais de cette invitation\u00a0: {{server}}',
};

export const teamLinkAr: typeof teamLinkEn = {
  opened:
    'فُتح رابط دعوة، ودعوته أدناه. لا تنضمّ إلا إلى فريق تثق به، فالدعوة تتيح الاطلاع على ما يشاركه الفريق. اكتب اسمك، ثم اختر «الانضمام إلى الفريق».',
  openedInTeam:
    'فُتح رابط دعوة، لكنّ في هذا الحاسوب فريقًا من قبل. إن أنشأ أحد زملائك سرًّا جديدًا للفريق فالدعوة أدناه: اختر «استخدام الدعوة الجديدة». وللانضمام إلى فريق آخر، غادر هذا الفريق أولًا.',
  relay: 'مُرحِّل هذه الدعوة: \u2066{{server}}\u2069',
};
