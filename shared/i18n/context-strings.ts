// What public measurement platforms (RIPEstat, OONI, IODA) saw, in English, French and Arabic.
// Referenced from en.ts, fr.ts and ar.ts under the top-level key `context`.

export const contextEn = {
  bannerRoutes:
    '{{service}} has been down for everyone since {{since}} — {{service}}’s routes to its name servers were withdrawn',
  bannerRoutes_day:
    '{{service}} has been down for everyone since {{date}} at {{time}} — {{service}}’s routes to its name servers were withdrawn',
  bannerBlocked:
    '{{service}} is blocked in {{country}} since {{since}}: other networks there cannot reach it, networks elsewhere can, and OONI’s tests agree',
  bannerBlocked_day:
    '{{service}} is blocked in {{country}} since {{date}} at {{time}}: other networks there cannot reach it, networks elsewhere can, and OONI’s tests agree',
  bannerDisruption:
    'An internet disruption in {{country}} keeps {{service}} out of reach since {{since}}, as IODA reports',
  bannerDisruption_day:
    'An internet disruption in {{country}} keeps {{service}} out of reach since {{date}} at {{time}}, as IODA reports',
  notifyRoutesBody: '{{service}}’s routes to its name servers were withdrawn. {{summary}}',
  notifyBlocked: '{{service}} is blocked in {{country}}',
  notifyBlockedBody:
    'Other networks in your country cannot reach it while networks elsewhere can, and OONI’s tests in your country agree. {{summary}}',
  notifyDisruption: 'An internet disruption in {{country}}',
  notifyDisruptionBody:
    'IODA reports a country-wide internet disruption: {{service}} and other sites may be out of reach. {{summary}}',
  routesWithdrawn_one:
    '{{service}}’s network withdrew the routes to its name servers (RIPE RIS, 0 of {{count}} collector, {{time}})',
  routesWithdrawn_other:
    '{{service}}’s network withdrew the routes to its name servers (RIPE RIS, 0 of {{count}} collectors, {{time}})',
  routesAnnounced:
    '{{service}}’s routes to its name servers are still announced (RIPE RIS, {{time}})',
  routesFailed: 'RIPE RIS could not be asked about the routes ({{reason}})',
  ooniAnomalies_one:
    'OONI: {{anomalies}} of {{count}} {{test}} test in {{country}} in the last 48 h found anomalies; networks: {{networks}} ({{time}})',
  ooniAnomalies_other:
    'OONI: {{anomalies}} of {{count}} {{test}} tests in {{country}} in the last 48 h found anomalies; networks: {{networks}} ({{time}})',
  ooniNotEnough: 'not enough OONI tests from {{country}} ({{tests}} in 48 h)',
  ooniFailed: 'OONI could not be asked ({{reason}})',
  ooniAttribution: 'OONI data, CC BY-NC-SA 4.0',
  iodaOutage: 'IODA: internet connectivity in {{country}} disrupted since {{since}}',
  iodaQuiet: 'IODA: no country-wide internet outage in {{country}} ({{time}})',
  iodaFailed: 'IODA could not be asked ({{reason}})',
  reasonRateLimited: 'too many requests; asked again later',
  reasonTimeout: 'no answer in time',
  reasonUnreachable: 'it could not be reached',
  reasonUnreadable: 'its answer could not be read',
  reasonPlatformError: 'it answered with an error',
  reasonHourly: 'hourly limit reached',
  linkRipestat: 'See the routes on RIPEstat',
  linkOoni: 'See the tests on OONI Explorer',
  linkIoda: 'See the country on the IODA dashboard',
  heading: 'Public measurements',
  settingsTitle: 'Public measurements (routes, OONI, IODA)',
  settingsWhat:
    'When a service cannot be reached, Vigie may ask RIPEstat (RIPE NCC) whether its provider’s routes are still announced, OONI which tests in your country found it blocked, and IODA whether your country’s internet is cut. These platforms learn your IP address, your country and which service was asked about. Your own services are never sent.',
  settingsEnabled: 'Ask public measurement platforms when a service cannot be reached',
  settingsLowData: 'Ask them in low-data mode too',
};

export const contextFr: Record<keyof typeof contextEn, string> & Record<string, string> = {
  bannerRoutes:
    '{{service}} est en panne pour tout le monde depuis {{since}} — les routes vers les serveurs de noms de {{service}} ont été retirées',
  bannerRoutes_day:
    '{{service}} est en panne pour tout le monde depuis le {{date}} à {{time}} — les routes vers les serveurs de noms de {{service}} ont été retirées',
  bannerBlocked:
    '{{service}} est bloqué en {{country}} depuis {{since}} : les autres réseaux du pays ne le joignent pas, ceux d’ailleurs si, et les tests d’OONI le confirment',
  bannerBlocked_day:
    '{{service}} est bloqué en {{country}} depuis le {{date}} à {{time}} : les autres réseaux du pays ne le joignent pas, ceux d’ailleurs si, et les tests d’OONI le confirment',
  bannerDisruption:
    'Une coupure d’internet en {{country}} rend {{service}} injoignable depuis {{since}}, d’après IODA',
  bannerDisruption_day:
    'Une coupure d’internet en {{country}} rend {{service}} injoignable depuis le {{date}} à {{time}}, d’après IODA',
  notifyRoutesBody:
    'Les routes vers les serveurs de noms de {{service}} ont été retirées. {{summary}}',
  notifyBlocked: '{{service}} est bloqué en {{country}}',
  notifyBlockedBody:
    'Les autres réseaux de votre pays ne le joignent pas, ceux d’ailleurs si, et les tests d’OONI dans votre pays le confirment. {{summary}}',
  notifyDisruption: 'Coupure d’internet en {{country}}',
  notifyDisruptionBody:
    'IODA signale une coupure d’internet dans tout le pays\u00a0: {{service}} et d’autres sites peuvent être injoignables. {{summary}}',
  routesWithdrawn_one:
    'le réseau de {{service}} a retiré les routes vers ses serveurs de noms (RIPE RIS, 0 collecteur sur {{count}}, {{time}})',
  routesWithdrawn_many:
    'le réseau de {{service}} a retiré les routes vers ses serveurs de noms (RIPE RIS, 0 collecteur sur {{count}}, {{time}})',
  routesWithdrawn_other:
    'le réseau de {{service}} a retiré les routes vers ses serveurs de noms (RIPE RIS, 0 collecteur sur {{count}}, {{time}})',
  routesAnnounced:
    'les routes vers les serveurs de noms de {{service}} sont toujours annoncées (RIPE RIS, {{time}})',
  routesFailed: 'RIPE RIS n’a pas pu être interrogé sur les routes ({{reason}})',
  ooniAnomalies_one:
    'OONI\u00a0: {{anomalies}} test {{test}} sur {{count}} en {{country}} ces 48 h a trouvé des anomalies\u202f; réseaux\u00a0: {{networks}} ({{time}})',
  ooniAnomalies_many:
    'OONI\u00a0: {{anomalies}} tests {{test}} sur {{count}} en {{country}} ces 48 h ont trouvé des anomalies\u202f; réseaux\u00a0: {{networks}} ({{time}})',
  ooniAnomalies_other:
    'OONI\u00a0: {{anomalies}} tests {{test}} sur {{count}} en {{country}} ces 48 h ont trouvé des anomalies\u202f; réseaux\u00a0: {{networks}} ({{time}})',
  ooniNotEnough: 'pas assez de tests OONI depuis {{country}} ({{tests}} en 48 h)',
  ooniFailed: 'OONI n’a pas pu être interrogé ({{reason}})',
  ooniAttribution: 'Données OONI, CC BY-NC-SA 4.0',
  iodaOutage: 'IODA\u00a0: la connexion à internet en {{country}} est perturbée depuis {{since}}',
  iodaQuiet: 'IODA\u00a0: aucune coupure d’internet dans tout le pays en {{country}} ({{time}})',
  iodaFailed: 'IODA n’a pas pu être interrogé ({{reason}})',
  reasonRateLimited: 'trop de demandes\u202f; nouvel essai plus tard',
  reasonTimeout: 'pas de réponse à temps',
  reasonUnreachable: 'injoignable',
  reasonUnreadable: 'réponse illisible',
  reasonPlatformError: 'la plateforme a répondu par une erreur',
  reasonHourly: 'limite horaire atteinte',
  linkRipestat: 'Voir les routes sur RIPEstat',
  linkOoni: 'Voir les tests sur OONI Explorer',
  linkIoda: 'Voir le pays sur le tableau de bord d’IODA',
  heading: 'Mesures publiques',
  settingsTitle: 'Mesures publiques (routes, OONI, IODA)',
  settingsWhat:
    'Quand un service est injoignable, Vigie peut demander à RIPEstat (RIPE NCC) si les routes de son fournisseur sont toujours annoncées, à OONI quels tests dans votre pays l’ont trouvé bloqué, et à IODA si l’internet de votre pays est coupé. Ces plateformes voient votre adresse IP, votre pays et le service demandé. Vos propres services ne leur sont jamais envoyés.',
  settingsEnabled:
    'Interroger les plateformes de mesure publiques quand un service est injoignable',
  settingsLowData: 'Les interroger aussi en mode économie de données',
};

const arRoutes =
  'سحبت شبكة {{service}} المسارات إلى خوادم أسمائها (RIPE RIS، المجمّعات التي تراها: 0 من {{count}}، {{time}})';
const arOoni =
  'OONI: وجدت {{anomalies}} من {{count}} من اختبارات {{test}} في {{country}} خلال 48 ساعة شذوذًا؛ الشبكات: {{networks}} ({{time}})';

export const contextAr: Record<keyof typeof contextEn, string> & Record<string, string> = {
  bannerRoutes:
    'خدمة {{service}} متوقفة لدى الجميع منذ {{since}} — سُحبت المسارات إلى خوادم أسماء {{service}}',
  bannerRoutes_day:
    'خدمة {{service}} متوقفة لدى الجميع منذ {{date}} الساعة {{time}} — سُحبت المسارات إلى خوادم أسماء {{service}}',
  bannerBlocked:
    'خدمة {{service}} محجوبة في {{country}} منذ {{since}}: لا تصل إليها الشبكات الأخرى هناك، وتصل إليها شبكات في أماكن أخرى، وتؤكد ذلك اختبارات OONI',
  bannerBlocked_day:
    'خدمة {{service}} محجوبة في {{country}} منذ {{date}} الساعة {{time}}: لا تصل إليها الشبكات الأخرى هناك، وتصل إليها شبكات في أماكن أخرى، وتؤكد ذلك اختبارات OONI',
  bannerDisruption:
    'يمنع انقطاع في الإنترنت في {{country}} الوصول إلى خدمة {{service}} منذ {{since}}، كما يبلّغ IODA',
  bannerDisruption_day:
    'يمنع انقطاع في الإنترنت في {{country}} الوصول إلى خدمة {{service}} منذ {{date}} الساعة {{time}}، كما يبلّغ IODA',
  notifyRoutesBody: 'سُحبت المسارات إلى خوادم أسماء {{service}}. {{summary}}',
  notifyBlocked: 'خدمة {{service}} محجوبة في {{country}}',
  notifyBlockedBody:
    'لا تصل إليها الشبكات الأخرى في بلدك بينما تصل إليها شبكات في أماكن أخرى، وتؤكد ذلك اختبارات OONI في بلدك. {{summary}}',
  notifyDisruption: 'انقطاع في الإنترنت في {{country}}',
  notifyDisruptionBody:
    'يبلّغ IODA عن انقطاع في الإنترنت على مستوى البلد: قد يتعذّر الوصول إلى خدمة {{service}} ومواقع أخرى. {{summary}}',
  routesWithdrawn_zero: arRoutes,
  routesWithdrawn_one: arRoutes,
  routesWithdrawn_two: arRoutes,
  routesWithdrawn_few: arRoutes,
  routesWithdrawn_many: arRoutes,
  routesWithdrawn_other: arRoutes,
  routesAnnounced: 'ما زالت المسارات إلى خوادم أسماء {{service}} معلنة (RIPE RIS، {{time}})',
  routesFailed: 'تعذّر سؤال RIPE RIS عن المسارات ({{reason}})',
  ooniAnomalies_zero: arOoni,
  ooniAnomalies_one: arOoni,
  ooniAnomalies_two: arOoni,
  ooniAnomalies_few: arOoni,
  ooniAnomalies_many: arOoni,
  ooniAnomalies_other: arOoni,
  ooniNotEnough: 'اختبارات OONI من {{country}} غير كافية ({{tests}} خلال 48 ساعة)',
  ooniFailed: 'تعذّر سؤال OONI ({{reason}})',
  ooniAttribution: 'بيانات OONI، CC BY-NC-SA 4.0',
  iodaOutage: 'IODA: اضطراب في الاتصال بالإنترنت في {{country}} منذ {{since}}',
  iodaQuiet: 'IODA: لا انقطاع في الإنترنت على مستوى البلد في {{country}} ({{time}})',
  iodaFailed: 'تعذّر سؤال IODA ({{reason}})',
  reasonRateLimited: 'طلبات كثيرة جدًا؛ سيُعاد السؤال لاحقًا',
  reasonTimeout: 'لم يصل ردّ في الوقت المحدد',
  reasonUnreachable: 'تعذّر الوصول إليه',
  reasonUnreadable: 'تعذّرت قراءة ردّه',
  reasonPlatformError: 'ردّ بخطأ',
  reasonHourly: 'بُلغ الحدّ الأقصى في الساعة',
  linkRipestat: 'عرض المسارات على RIPEstat',
  linkOoni: 'عرض الاختبارات على OONI Explorer',
  linkIoda: 'عرض البلد على لوحة IODA',
  heading: 'قياسات عامة',
  settingsTitle: 'قياسات عامة (المسارات، OONI، IODA)',
  settingsWhat:
    'عندما يتعذّر الوصول إلى خدمة، قد يسأل Vigie منصة RIPEstat (RIPE NCC) هل ما زالت مسارات مزوّدها معلنة، ومنصة OONI أيّ اختبارات في بلدك وجدتها محجوبة، ومنصة IODA هل انقطع الإنترنت في بلدك. تعرف هذه المنصات عنوان IP الخاص بك وبلدك والخدمة التي سُئل عنها. لا تُرسل خدماتك الخاصة أبدًا.',
  settingsEnabled: 'سؤال منصات القياس العامة عندما يتعذّر الوصول إلى خدمة',
  settingsLowData: 'سؤالها أيضًا في وضع توفير البيانات',
};
