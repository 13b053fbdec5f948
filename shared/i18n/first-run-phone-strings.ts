// The words of the first run's "alert my phone" step (renderer/components/FirstRunPhone.tsx), in
// English, French and Arabic. The QR code's caption, the topic's label and the test's results are
// Settings → Alerts' own (alertSettings).

export const firstRunPhoneEn = {
  title: 'Alerts on your phone',
  intro:
    'When a service you watch goes down or comes back, Vigie can tell your phone, even when you are away from this computer. The free ntfy app does it, with no account.',
  install: 'ntfy is on Google Play, F-Droid and the App Store.',
  already: 'Your phone is already set up (channel {{id}}). Send a test to check that it rings.',
  secret: 'Anyone who knows this topic can read your alerts: keep it to yourself.',
  more: 'Telegram, e-mail and your team’s chat can be added in Settings → Alerts.',
} as const;

export const firstRunPhoneFr = {
  title: 'Alertes sur votre téléphone',
  intro:
    'Quand un service surveillé tombe en panne ou revient, Vigie peut le dire à votre téléphone, même loin de cet ordinateur. L’application gratuite ntfy s’en charge, sans compte.',
  install: 'ntfy se trouve sur Google Play, F-Droid et l’App Store.',
  already:
    'Votre téléphone est déjà configuré (canal {{id}}). Envoyez un test pour vérifier qu’il sonne.',
  secret: 'Quiconque connaît ce sujet peut lire vos alertes\u00a0: gardez-le pour vous.',
  more: 'Telegram, l’e-mail et la messagerie de votre équipe s’ajoutent dans Réglages → Alertes.',
} as const;

export const firstRunPhoneAr = {
  title: 'التنبيهات على هاتفك',
  intro:
    'عندما تتعطل خدمة تراقبها أو تعود، يمكن لـ Vigie أن يخبر هاتفك حتى وأنت بعيد عن هذا الحاسوب. يتولى ذلك تطبيق ntfy المجاني، دون حساب.',
  install: 'يتوفر ntfy على Google Play و F-Droid و App Store.',
  already: 'هاتفك مُعَدّ من قبل (القناة ⁦{{id}}⁩). أرسل اختبارًا لتتأكد من أنه يرن.',
  secret: 'يستطيع كل من يعرف هذا الموضوع قراءة تنبيهاتك: احتفظ به لنفسك.',
  more: 'يمكن إضافة Telegram والبريد الإلكتروني ومحادثة فريقك من الإعدادات ← التنبيهات.',
} as const;
