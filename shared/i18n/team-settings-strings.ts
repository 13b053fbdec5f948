// The words of Settings → Team in the window (renderer/components/TeamSettings.tsx), and why a
// team could not be made, joined or changed (the window and `npx vigie team`), in English, French
// and Arabic. In Arabic, the invite's prefix and addresses are isolated (U+2066 … U+2069).

export const teamSettingsEn = {
  title: 'Team',
  hint: 'Share one incident and one checklist with your teammates, each on their own computer. No account: the team’s messages travel through an ntfy relay, encrypted on this computer before they leave.',
  createHeading: 'Create a team',
  relay: 'Relay (an ntfy server)',
  relayHint:
    'ntfy.sh is free and public; your own ntfy server works too. The relay sees only encrypted messages: never a service, a step, a note or a name.',
  name: 'Your name, as your team sees it',
  create: 'Create the team',
  joinHeading: 'Join a team',
  invite: 'Invite',
  inviteHint: 'Paste the invite a teammate gave you: it starts with vigie-team:1:…',
  join: 'Join the team',
  created: 'Team created. Show the invite to your teammates.',
  joined: 'You joined the team.',
  relayIs: 'Relay',
  membersHeading: 'Members seen',
  memberYou: '{{name}} (you)',
  seen: 'Last seen on {{date}} at {{time}}',
  noMembers:
    'No teammate seen yet: each one appears here once they join and their Vigie is running.',
  showInvite: 'Show the invite',
  hideInvite: 'Hide the invite',
  inviteWarning:
    'Anyone holding this invite is a member and can read what the team shares: give it like a password, in person or on a channel you trust.',
  inviteText: 'The invite (a vigie-team: link)',
  inviteScan:
    'The same invite as a QR code: scan it with a phone, then paste it in Vigie on the other computer (Settings → Team → Join a team).',
  qrLabel: 'QR code of the team invite',
  copy: 'Copy the invite',
  copied: 'Invite copied.',
  leave: 'Leave the team',
  leaveConfirm:
    'Leave the team? This computer forgets the team’s secret and the team events it received (the team folder in the data folder). Your history, your checklists and their reports stay. To come back, you need an invite.',
  leaveYes: 'Leave',
  cancel: 'Cancel',
  left: 'You left the team. Your history and checklists are still here.',
  rekeyHeading: 'Remove someone: a new team secret',
  rekeyHint:
    'Makes a new secret, so a new invite. Give it to everyone who stays: whoever does not get it can no longer read or post. What the team shared before is neither sent again nor re-encrypted: it is left behind, kept on this computer, and the person removed keeps what they had already received. The relay forgets the old messages (ntfy.sh after about 12\u00a0hours).',
  rekey: 'Make a new team secret',
  rekeyConfirm:
    'Make a new secret now? Until your teammates paste the new invite, they see none of your events and you see none of theirs.',
  rekeyYes: 'Make the new secret',
  rekeyed: 'New secret made. Show the new invite to everyone who stays.',
  switchHeading: 'A teammate made a new team secret?',
  switchHint:
    'Paste the new invite: you stay in the team under your name, and what was shared before stays on this computer.',
  switch: 'Use the new invite',
  switched: 'You now use the team’s new invite.',
  renamed: 'Name saved: your team sees it with your next event.',

  problemNotAnInvite: 'This is not a Vigie team invite: an invite starts with vigie-team:1:…',
  problemUnknownVersion:
    'This invite is for another version of Vigie teams (this Vigie reads vigie-team:1:…): update Vigie, or ask for a new invite.',
  problemBadSecret:
    'The invite’s secret is damaged: it must be 43 characters (32 bytes). Copy the whole invite again.',
  problemBadServer:
    'The relay address is not one Vigie can use: it must start with http:// or https://, without a name, a password, “?” or “#”.',
  problemBadName: 'Give your name (1 to 80 characters): your team sees it beside what you do.',
  problemAlreadyMember: 'This computer already has a team: leave it first.',
  problemNoTeam: 'This computer has no team.',
  problemSameTeam: 'This is the invite your team already uses.',
};

export const teamSettingsFr: typeof teamSettingsEn = {
  title: 'Équipe',
  hint: 'Partagez un seul incident et une seule liste d’actions avec vos coéquipiers, chacun sur son ordinateur. Sans compte\u00a0: les messages de l’équipe passent par un relais ntfy, chiffrés sur cet ordinateur avant de partir.',
  createHeading: 'Créer une équipe',
  relay: 'Relais (un serveur ntfy)',
  relayHint:
    'ntfy.sh est gratuit et public\u202f; votre propre serveur ntfy convient aussi. Le relais ne voit que des messages chiffrés\u00a0: jamais un service, une étape, une note ni un nom.',
  name: 'Votre nom, tel que votre équipe le voit',
  create: 'Créer l’équipe',
  joinHeading: 'Rejoindre une équipe',
  invite: 'Invitation',
  inviteHint:
    'Collez l’invitation qu’un coéquipier vous a donnée\u00a0: elle commence par vigie-team:1:…',
  join: 'Rejoindre l’équipe',
  created: 'Équipe créée. Montrez l’invitation à vos coéquipiers.',
  joined: 'Vous avez rejoint l’équipe.',
  relayIs: 'Relais',
  membersHeading: 'Membres vus',
  memberYou: '{{name}} (vous)',
  seen: 'Vu pour la dernière fois le {{date}} à {{time}}',
  noMembers:
    'Aucun coéquipier vu pour l’instant\u00a0: chacun apparaît ici une fois qu’il a rejoint l’équipe et que son Vigie tourne.',
  showInvite: 'Afficher l’invitation',
  hideInvite: 'Masquer l’invitation',
  inviteWarning:
    'Qui détient cette invitation est membre et peut lire ce que l’équipe partage\u00a0: donnez-la comme un mot de passe, en personne ou sur un canal de confiance.',
  inviteText: 'L’invitation (un lien vigie-team:)',
  inviteScan:
    'La même invitation en QR code\u00a0: scannez-la avec un téléphone, puis collez-la dans Vigie sur l’autre ordinateur (Réglages → Équipe → Rejoindre une équipe).',
  qrLabel: 'QR code de l’invitation d’équipe',
  copy: 'Copier l’invitation',
  copied: 'Invitation copiée.',
  leave: 'Quitter l’équipe',
  leaveConfirm:
    'Quitter l’équipe\u202f? Cet ordinateur oublie le secret de l’équipe et les événements d’équipe reçus (le dossier team du dossier de données). Votre historique, vos listes d’actions et leurs rapports restent. Pour revenir, il faudra une invitation.',
  leaveYes: 'Quitter',
  cancel: 'Annuler',
  left: 'Vous avez quitté l’équipe. Votre historique et vos listes d’actions sont toujours là.',
  rekeyHeading: 'Retirer quelqu’un\u00a0: un nouveau secret d’équipe',
  rekeyHint:
    'Crée un nouveau secret, donc une nouvelle invitation. Donnez-la à tous ceux qui restent\u00a0: qui ne la reçoit pas ne peut plus rien lire ni publier. Ce que l’équipe a partagé avant n’est ni renvoyé ni rechiffré\u00a0: il reste sur cet ordinateur, et la personne retirée garde ce qu’elle avait déjà reçu. Le relais oublie les anciens messages (ntfy.sh après 12\u00a0heures environ).',
  rekey: 'Créer un nouveau secret d’équipe',
  rekeyConfirm:
    'Créer un nouveau secret maintenant\u202f? Tant que vos coéquipiers n’ont pas collé la nouvelle invitation, ils ne voient plus vos événements, ni vous les leurs.',
  rekeyYes: 'Créer le nouveau secret',
  rekeyed: 'Nouveau secret créé. Montrez la nouvelle invitation à tous ceux qui restent.',
  switchHeading: 'Un coéquipier a créé un nouveau secret d’équipe\u202f?',
  switchHint:
    'Collez la nouvelle invitation\u00a0: vous restez dans l’équipe sous votre nom, et ce qui a été partagé avant reste sur cet ordinateur.',
  switch: 'Utiliser la nouvelle invitation',
  switched: 'Vous utilisez désormais la nouvelle invitation de l’équipe.',
  renamed: 'Nom enregistré\u00a0: votre équipe le verra avec votre prochain événement.',

  problemNotAnInvite:
    'Ce n’est pas une invitation d’équipe Vigie\u00a0: une invitation commence par vigie-team:1:…',
  problemUnknownVersion:
    'Cette invitation est destinée à une autre version des équipes Vigie (ce Vigie lit vigie-team:1:…)\u00a0: mettez Vigie à jour, ou demandez une nouvelle invitation.',
  problemBadSecret:
    'Le secret de l’invitation est abîmé\u00a0: il doit faire 43\u00a0caractères (32\u00a0octets). Copiez de nouveau toute l’invitation.',
  problemBadServer:
    'L’adresse du relais n’est pas utilisable par Vigie\u00a0: elle doit commencer par http:// ou https://, sans nom, mot de passe, «\u00a0?\u00a0» ni «\u00a0#\u00a0».',
  problemBadName:
    'Donnez votre nom (1 à 80\u00a0caractères)\u00a0: votre équipe le voit à côté de ce que vous faites.',
  problemAlreadyMember: 'Cet ordinateur a déjà une équipe\u00a0: quittez-la d’abord.',
  problemNoTeam: 'Cet ordinateur n’a pas d’équipe.',
  problemSameTeam: 'C’est déjà l’invitation qu’utilise votre équipe.',
};

export const teamSettingsAr: typeof teamSettingsEn = {
  title: 'الفريق',
  hint: 'شارك زملاءك حادثة واحدة وقائمة إجراءات واحدة، كلٌّ على حاسوبه. بلا حساب: تمرّ رسائل الفريق عبر مُرحِّل ntfy، مشفّرةً على هذا الحاسوب قبل أن تغادره.',
  createHeading: 'إنشاء فريق',
  relay: 'المُرحِّل (خادم ntfy)',
  relayHint:
    'خدمة \u2066ntfy.sh\u2069 مجانية وعامة، ويصلح خادم ntfy الخاص بكم أيضًا. لا يرى المُرحِّل إلا رسائل مشفّرة: لا خدمةً ولا خطوةً ولا ملاحظةً ولا اسمًا.',
  name: 'اسمك كما يراه فريقك',
  create: 'إنشاء الفريق',
  joinHeading: 'الانضمام إلى فريق',
  invite: 'الدعوة',
  inviteHint: 'الصق الدعوة التي أعطاك إياها أحد زملائك، وهي تبدأ بـ \u2066vigie-team:1:…\u2069',
  join: 'الانضمام إلى الفريق',
  created: 'أُنشئ الفريق. اعرض الدعوة على زملائك.',
  joined: 'انضممت إلى الفريق.',
  relayIs: 'المُرحِّل',
  membersHeading: 'الأعضاء الذين ظهروا',
  memberYou: '{{name}} (أنت)',
  seen: 'آخر ظهور في {{date}} الساعة {{time}}',
  noMembers: 'لم يظهر أي زميل بعد: يظهر كلٌّ منهم هنا حين ينضمّ ويكون Vigie لديه قيد التشغيل.',
  showInvite: 'عرض الدعوة',
  hideInvite: 'إخفاء الدعوة',
  inviteWarning:
    'كل من يملك هذه الدعوة عضو في الفريق ويستطيع قراءة ما يشاركه: أعطها كما تعطي كلمة سر، يدًا بيد أو عبر قناة تثق بها.',
  inviteText: 'الدعوة (رابط \u2066vigie-team:\u2069)',
  inviteScan:
    'الدعوة نفسها في رمز QR: امسحه بالهاتف، ثم الصقها في Vigie على الحاسوب الآخر (الإعدادات ← الفريق ← الانضمام إلى فريق).',
  qrLabel: 'رمز QR لدعوة الفريق',
  copy: 'نسخ الدعوة',
  copied: 'نُسخت الدعوة.',
  leave: 'مغادرة الفريق',
  leaveConfirm:
    'أتريد مغادرة الفريق؟ سينسى هذا الحاسوب سرّ الفريق وأحداث الفريق التي وصلته (مجلد \u2066team\u2069 في مجلد البيانات). يبقى سجلّك وقوائم إجراءاتك وتقاريرها. وللعودة تحتاج إلى دعوة.',
  leaveYes: 'مغادرة',
  cancel: 'إلغاء',
  left: 'غادرت الفريق. سجلّك وقوائم إجراءاتك ما زالت هنا.',
  rekeyHeading: 'إخراج أحد الأعضاء: سرّ جديد للفريق',
  rekeyHint:
    'يُنشئ سرًّا جديدًا، أي دعوة جديدة. أعطها لكل من يبقى: من لا تصله لا يستطيع بعدها أن يقرأ شيئًا أو ينشره. ما شاركه الفريق من قبل لا يُعاد إرساله ولا يُعاد تشفيره: يبقى على هذا الحاسوب، ويحتفظ العضو المُخرَج بما كان قد وصله. وينسى المُرحِّل الرسائل القديمة (\u2066ntfy.sh\u2069 بعد 12\u00a0ساعة تقريبًا).',
  rekey: 'إنشاء سرّ جديد للفريق',
  rekeyConfirm:
    'أتريد إنشاء سرّ جديد الآن؟ إلى أن يلصق زملاؤك الدعوة الجديدة، لن يروا أحداثك ولن ترى أحداثهم.',
  rekeyYes: 'إنشاء السرّ الجديد',
  rekeyed: 'أُنشئ السرّ الجديد. اعرض الدعوة الجديدة على كل من يبقى.',
  switchHeading: 'أنشأ أحد زملائك سرًّا جديدًا للفريق؟',
  switchHint:
    'الصق الدعوة الجديدة: تبقى في الفريق باسمك، ويبقى ما شاركه الفريق من قبل على هذا الحاسوب.',
  switch: 'استخدام الدعوة الجديدة',
  switched: 'تستخدم الآن دعوة الفريق الجديدة.',
  renamed: 'حُفظ الاسم: سيراه فريقك مع حدثك التالي.',

  problemNotAnInvite: 'هذه ليست دعوة فريق Vigie: تبدأ الدعوة بـ \u2066vigie-team:1:…\u2069',
  problemUnknownVersion:
    'هذه الدعوة لإصدار آخر من فرق Vigie (يقرأ هذا الإصدار \u2066vigie-team:1:…\u2069): حدّث Vigie أو اطلب دعوة جديدة.',
  problemBadSecret: 'سرّ الدعوة تالف: يجب أن يكون 43 حرفًا (32 بايتًا). انسخ الدعوة كاملةً من جديد.',
  problemBadServer:
    'عنوان المُرحِّل غير صالح لـVigie: يجب أن يبدأ بـ \u2066http://\u2069 أو \u2066https://\u2069، بلا اسم مستخدم ولا كلمة سر ولا «?» ولا «#».',
  problemBadName: 'اكتب اسمك (من 1 إلى 80 حرفًا): يراه فريقك بجانب ما تنجزه.',
  problemAlreadyMember: 'في هذا الحاسوب فريق من قبل: غادره أولًا.',
  problemNoTeam: 'لا فريق في هذا الحاسوب.',
  problemSameTeam: 'هذه هي الدعوة التي يستخدمها فريقك أصلًا.',
};
