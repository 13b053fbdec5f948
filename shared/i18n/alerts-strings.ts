// The words of alerts beyond this computer (docs/alerts.md): their footer, the reasons a channel
// failed, and the command line's lines, in English, French and Arabic.

export const alertsEn = {
  configNtfyTopic: 'expected the server followed by the topic, e.g. https://ntfy.sh/vigie-k3f9x2',
  configDuplicateId: 'duplicate channel id "{{id}}"',
  configMissingEnv: 'the environment variable {{variable}} is not set',
  configBadWebhookUrl:
    'the environment variable {{variable}} does not hold an http:// or https:// URL',
  footer: 'Seen on {{date}} at {{time}} by Vigie on {{host}}.',
  wasDown: '{{service}} was down from {{from}} to {{to}}',
  wasDown_day: '{{service}} was down from {{date}} at {{time}} until {{to}}',
  wasDegraded: '{{service}} was degraded from {{from}} to {{to}}',
  wasDegraded_day: '{{service}} was degraded from {{date}} at {{time}} until {{to}}',
  testTitle: 'Vigie test alert',
  testBody: 'This channel ({{channel}}) works: Vigie’s alerts will reach you here.',
  reasonNetDns: '{{host}} could not be found (DNS)',
  reasonNetTimeout: '{{host}} did not answer in time',
  reasonNetRefused: '{{host}} refused the connection',
  reasonNetTls: 'the secure connection to {{host}} failed',
  reasonNetOther: '{{host}} could not be reached',
  reasonRateLimited: '{{host}} asks to wait {{seconds}} s (too many messages)',
  reasonRefused: '{{host}} refused the message as malformed (error {{status}})',
  reasonUnauthorized: '{{host}} refused the token or password (error {{status}})',
  reasonGone: 'this address no longer exists on {{host}} (error {{status}})',
  reasonServerError: '{{host}} had a problem of its own (error {{status}})',
  reasonTelegramChat: 'Telegram does not know this chat: pair the bot again',
  reasonTelegramBlocked: 'the bot was blocked or removed from the chat',
  reasonSmtpAuth: 'the mail server {{host}} refused the user name or password',
  reasonSmtpRefused: 'the mail server {{host}} refused the message (error {{status}})',
  reasonSmtpLater: 'the mail server {{host}} asked to try later',
  lineDelivered: 'alert sent through {{channel}}: {{title}}',
  lineRetry: 'alert not sent through {{channel}}: {{reason}}; next try at {{time}}',
  lineWait: 'alert held for {{channel}}: {{reason}}',
  lineBroken:
    'channel {{channel}} is broken: {{reason}}. Alerts no longer go through it until it is fixed.',
  lineSkipped:
    'alert not sent through {{channel}}: it goes through a service that is down ({{services}})',
  lineWaiting: 'alert waits: every channel is down or broken ({{channels}})',
  lineInterrupted:
    'an alert through {{channel}} was being sent when Vigie stopped; it is not sent again, to avoid sending it twice',
  lineOffline: 'alerts held until this computer is back online (waiting: {{waiting}})',
  lineOutboxLost:
    'alerts cannot be kept in {{dir}} ({{code}}): they are sent from memory, and those still pending are lost if Vigie stops',
  alertTestAccepted: '{{channel}} ({{kind}}): accepted',
  alertTestFailed: '{{channel}} ({{kind}}): not accepted: {{reason}}',
  alertTestNoChannel:
    'No alert channel: add "alerts": { "channels": [...] } to the file given with --config.',
  reasonSecretMissing: 'a secret of this channel is not set, or the system keychain cannot read it',
  trayBroken: 'Alert channel {{channel}} is broken: {{reason}}',
  noKeychain:
    'The system keychain is not available: Vigie cannot keep this secret encrypted, so it was not saved.',
  alertTestUnknownChannel: 'No channel "{{channel}}". Channels: {{ids}}',
} as const;

export const alertsFr = {
  configNtfyTopic: 'attendu : le serveur suivi du sujet, par exemple https://ntfy.sh/vigie-k3f9x2',
  configDuplicateId: 'identifiant de canal « {{id}} » en double',
  configMissingEnv: 'la variable d’environnement {{variable}} n’est pas définie',
  configBadWebhookUrl:
    'la variable d’environnement {{variable}} ne contient pas une adresse http:// ou https://',
  footer: 'Constaté le {{date}} à {{time}} par Vigie sur {{host}}.',
  wasDown: '{{service}} : en panne de {{from}} à {{to}}',
  wasDown_day: '{{service}} : en panne depuis le {{date}} à {{time}}, jusqu’à {{to}}',
  wasDegraded: '{{service}} : dégradé de {{from}} à {{to}}',
  wasDegraded_day: '{{service}} : dégradé depuis le {{date}} à {{time}}, jusqu’à {{to}}',
  testTitle: 'Alerte de test de Vigie',
  testBody: 'Ce canal ({{channel}}) fonctionne : les alertes de Vigie vous parviendront ici.',
  reasonNetDns: '{{host}} est introuvable (DNS)',
  reasonNetTimeout: '{{host}} n’a pas répondu à temps',
  reasonNetRefused: '{{host}} a refusé la connexion',
  reasonNetTls: 'la connexion sécurisée à {{host}} a échoué',
  reasonNetOther: '{{host}} est injoignable',
  reasonRateLimited: '{{host}} demande d’attendre {{seconds}} s (trop de messages)',
  reasonRefused: '{{host}} a refusé le message, jugé mal formé (erreur {{status}})',
  reasonUnauthorized: '{{host}} a refusé le jeton ou le mot de passe (erreur {{status}})',
  reasonGone: 'cette adresse n’existe plus sur {{host}} (erreur {{status}})',
  reasonServerError: '{{host}} a eu un problème de son côté (erreur {{status}})',
  reasonTelegramChat: 'Telegram ne connaît pas cette conversation : associez de nouveau le bot',
  reasonTelegramBlocked: 'le bot a été bloqué ou retiré de la conversation',
  reasonSmtpAuth: 'le serveur de messagerie {{host}} a refusé l’identifiant ou le mot de passe',
  reasonSmtpRefused: 'le serveur de messagerie {{host}} a refusé le message (erreur {{status}})',
  reasonSmtpLater: 'le serveur de messagerie {{host}} demande de réessayer plus tard',
  lineDelivered: 'alerte envoyée par {{channel}} : {{title}}',
  lineRetry: 'alerte non envoyée par {{channel}} : {{reason}} ; nouvel essai à {{time}}',
  lineWait: 'alerte retenue pour {{channel}} : {{reason}}',
  lineBroken:
    'le canal {{channel}} ne fonctionne plus : {{reason}}. Aucune alerte n’y passera tant qu’il ne sera pas réparé.',
  lineSkipped:
    'alerte non envoyée par {{channel}} : ce canal passe par un service en panne ({{services}})',
  lineWaiting: 'l’alerte attend : tous les canaux sont en panne ou hors service ({{channels}})',
  lineInterrupted:
    'une alerte était en cours d’envoi par {{channel}} quand Vigie s’est arrêté ; elle n’est pas renvoyée, pour ne pas l’envoyer deux fois',
  lineOffline:
    'alertes retenues jusqu’au retour de la connexion de cet ordinateur (en attente : {{waiting}})',
  lineOutboxLost:
    'les alertes ne peuvent pas être gardées dans {{dir}} ({{code}}) : elles partent de la mémoire, et celles en attente sont perdues si Vigie s’arrête',
  alertTestAccepted: '{{channel}} ({{kind}}) : accepté',
  alertTestFailed: '{{channel}} ({{kind}}) : refusé — {{reason}}',
  alertTestNoChannel:
    'Aucun canal d’alerte : ajoutez "alerts": { "channels": [...] } au fichier donné avec --config.',
  reasonSecretMissing:
    'un secret de ce canal n’est pas défini, ou le trousseau du système ne peut pas le lire',
  trayBroken: 'Le canal d’alerte {{channel}} ne fonctionne plus\u00a0: {{reason}}',
  noKeychain:
    'Le trousseau du système n’est pas disponible\u00a0: Vigie ne peut pas garder ce secret chiffré, il n’a donc pas été enregistré.',
  alertTestUnknownChannel: 'Aucun canal « {{channel}} ». Canaux : {{ids}}',
} as const;

export const alertsAr = {
  configNtfyTopic: 'المتوقع: الخادم متبوعًا بالموضوع، مثل \u2066https://ntfy.sh/vigie-k3f9x2\u2069',
  configDuplicateId: 'معرّف القناة «{{id}}» مكرّر',
  configMissingEnv: 'متغيّر البيئة {{variable}} غير معرَّف',
  configBadWebhookUrl:
    'لا يحتوي متغيّر البيئة {{variable}} على عنوان \u2066http://\u2069 أو \u2066https://\u2069',
  footer: 'رصده Vigie على {{host}} في {{date}} الساعة {{time}}.',
  wasDown: 'كانت خدمة {{service}} متوقفة من {{from}} إلى {{to}}',
  wasDown_day: 'كانت خدمة {{service}} متوقفة من {{date}} الساعة {{time}} حتى الساعة {{to}}',
  wasDegraded: 'كانت خدمة {{service}} تواجه مشكلات من {{from}} إلى {{to}}',
  wasDegraded_day:
    'كانت خدمة {{service}} تواجه مشكلات من {{date}} الساعة {{time}} حتى الساعة {{to}}',
  testTitle: 'تنبيه تجريبي من Vigie',
  testBody: 'هذه القناة ({{channel}}) تعمل: ستصلك تنبيهات Vigie هنا.',
  reasonNetDns: 'تعذّر العثور على {{host}} (DNS)',
  reasonNetTimeout: 'لم يُجب {{host}} في الوقت المحدد',
  reasonNetRefused: 'رفض {{host}} الاتصال',
  reasonNetTls: 'فشل الاتصال الآمن بـ{{host}}',
  reasonNetOther: 'تعذّر الوصول إلى {{host}}',
  reasonRateLimited:
    'يطلب {{host}} الانتظار قبل المحاولة من جديد (رسائل كثيرة جدًا؛ المهلة بالثواني: {{seconds}})',
  reasonRefused: 'رفض {{host}} الرسالة لأنها غير سليمة (الخطأ {{status}})',
  reasonUnauthorized: 'رفض {{host}} الرمز أو كلمة المرور (الخطأ {{status}})',
  reasonGone: 'لم يعد هذا العنوان موجودًا على {{host}} (الخطأ {{status}})',
  reasonServerError: 'واجه {{host}} مشكلة من جهته (الخطأ {{status}})',
  reasonTelegramChat: 'لا يعرف Telegram هذه المحادثة: اربط البوت من جديد',
  reasonTelegramBlocked: 'حُظر البوت أو أُزيل من المحادثة',
  reasonSmtpAuth: 'رفض خادم البريد {{host}} اسم المستخدم أو كلمة المرور',
  reasonSmtpRefused: 'رفض خادم البريد {{host}} الرسالة (الخطأ {{status}})',
  reasonSmtpLater: 'طلب خادم البريد {{host}} المحاولة لاحقًا',
  lineDelivered: 'أُرسل التنبيه عبر {{channel}}: {{title}}',
  lineRetry: 'لم يُرسل التنبيه عبر {{channel}}: {{reason}}؛ المحاولة التالية في {{time}}',
  lineWait: 'التنبيه معلّق لقناة {{channel}}: {{reason}}',
  lineBroken: 'تعطّلت القناة {{channel}}: {{reason}}. لن تمر التنبيهات عبرها حتى إصلاحها.',
  lineSkipped: 'لم يُرسل التنبيه عبر {{channel}}: تمر هذه القناة عبر خدمة متوقفة ({{services}})',
  lineWaiting: 'التنبيه في الانتظار: كل القنوات متوقفة أو معطّلة ({{channels}})',
  lineInterrupted:
    'كان تنبيه قيد الإرسال عبر {{channel}} حين توقف Vigie؛ لن يُعاد إرساله تجنبًا لإرساله مرتين',
  lineOffline: 'التنبيهات معلّقة حتى يعود اتصال هذا الحاسوب (في الانتظار: {{waiting}})',
  lineOutboxLost:
    'تعذّر حفظ التنبيهات في {{dir}} ({{code}}): تُرسل من الذاكرة، وتضيع المعلّقة منها إذا توقف Vigie',
  alertTestAccepted: '{{channel}} ({{kind}}): قُبل',
  alertTestFailed: '{{channel}} ({{kind}}): لم يُقبل: {{reason}}',
  alertTestNoChannel:
    'لا توجد قناة تنبيه: أضف \u2066"alerts": { "channels": [...] }\u2069 إلى الملف المعطى مع \u2066--config\u2069.',
  reasonSecretMissing: 'أحد أسرار هذه القناة غير مضبوط، أو لا تستطيع سلسلة مفاتيح النظام قراءته',
  trayBroken: '‏قناة التنبيه ⁦{{channel}}⁩ معطّلة: {{reason}}',
  noKeychain: 'سلسلة مفاتيح النظام غير متاحة: لا يستطيع Vigie حفظ هذا السر مشفّرًا، لذلك لم يُحفظ.',
  alertTestUnknownChannel: 'لا توجد قناة «{{channel}}». القنوات: {{ids}}',
} as const;
