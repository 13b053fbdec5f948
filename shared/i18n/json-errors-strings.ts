// Why a file is not JSON, and where (shared/json-error.ts finds it): each sentence names the
// line and column a text editor shows, or the problem with the whole file.
const NB = '\u00a0';

export const jsonErrorsEn = {
  empty: 'the file is empty',
  end: 'the file ends before the JSON does, at line {{line}}, column {{column}}',
  token: 'unexpected "{{char}}" at line {{line}}, column {{column}}',
  word: '"{{word}}" is not a JSON value, at line {{line}}, column {{column}}',
  trailingComma:
    'a comma before "{{char}}" at line {{line}}, column {{column}}: JSON allows no comma after the last item',
  comment: 'a comment at line {{line}}, column {{column}}: JSON allows no comments',
  singleQuote:
    'single quotes at line {{line}}, column {{column}}: JSON writes names and texts in double quotes',
  key: 'a name without double quotes at line {{line}}, column {{column}}',
  colon: 'expected ":" after the name, at line {{line}}, column {{column}}',
  commaOrClose:
    'expected a comma or "{{close}}" before "{{char}}", at line {{line}}, column {{column}}',
  string:
    'a line break inside a text at line {{line}}, column {{column}} (is a closing quote missing?)',
  escape: 'an unknown escape "\\{{char}}" at line {{line}}, column {{column}}',
  number: 'a malformed number at line {{line}}, column {{column}}',
  after: 'more text after the end of the JSON, at line {{line}}, column {{column}}',
  utf16NoBom: 'the file looks saved as UTF-16 without a byte order mark: save it as UTF-8',
  notUtf8: 'the file is not UTF-8 text (line {{line}}, column {{column}}): save it as UTF-8',
} as const;

export const jsonErrorsFr: Record<keyof typeof jsonErrorsEn, string> = {
  empty: 'le fichier est vide',
  end: `le fichier s’arrête avant la fin du JSON, ligne {{line}}, colonne {{column}}`,
  token: `«${NB}{{char}}${NB}» inattendu ligne {{line}}, colonne {{column}}`,
  word: `«${NB}{{word}}${NB}» n’est pas une valeur JSON, ligne {{line}}, colonne {{column}}`,
  trailingComma: `une virgule avant «${NB}{{char}}${NB}» ligne {{line}}, colonne {{column}}${NB}: le JSON n’admet pas de virgule après le dernier élément`,
  comment: `un commentaire ligne {{line}}, colonne {{column}}${NB}: le JSON n’admet pas de commentaires`,
  singleQuote: `des apostrophes ligne {{line}}, colonne {{column}}${NB}: le JSON écrit les noms et les textes entre guillemets droits (")`,
  key: 'un nom sans guillemets droits ligne {{line}}, colonne {{column}}',
  colon: `«${NB}:${NB}» attendu après le nom, ligne {{line}}, colonne {{column}}`,
  commaOrClose: `une virgule ou «${NB}{{close}}${NB}» attendue avant «${NB}{{char}}${NB}», ligne {{line}}, colonne {{column}}`,
  string: `un retour à la ligne dans un texte, ligne {{line}}, colonne {{column}} (un guillemet fermant manque-t-il${'\u202f'}?)`,
  escape: `une séquence d’échappement inconnue «${NB}\\{{char}}${NB}» ligne {{line}}, colonne {{column}}`,
  number: 'un nombre mal écrit ligne {{line}}, colonne {{column}}',
  after: 'du texte après la fin du JSON, ligne {{line}}, colonne {{column}}',
  utf16NoBom: `le fichier semble enregistré en UTF-16 sans indicateur d’ordre des octets${NB}: enregistrez-le en UTF-8`,
  notUtf8: `le fichier n’est pas un texte UTF-8 (ligne {{line}}, colonne {{column}})${NB}: enregistrez-le en UTF-8`,
};

export const jsonErrorsAr: Record<keyof typeof jsonErrorsEn, string> = {
  empty: 'الملف فارغ',
  end: 'ينتهي الملف قبل نهاية JSON، في السطر {{line}}، العمود {{column}}',
  token: 'ظهر «{{char}}» في غير موضعه في السطر {{line}}، العمود {{column}}',
  word: '«{{word}}» ليست قيمة JSON، في السطر {{line}}، العمود {{column}}',
  trailingComma:
    'فاصلة قبل «{{char}}» في السطر {{line}}، العمود {{column}}: لا يقبل JSON فاصلة بعد العنصر الأخير',
  comment: 'تعليق في السطر {{line}}، العمود {{column}}: لا يقبل JSON التعليقات',
  singleQuote:
    'علامات اقتباس مفردة في السطر {{line}}، العمود {{column}}: يكتب JSON الأسماء والنصوص بين علامتَي اقتباس مزدوجتين (")',
  key: 'اسم بلا علامتَي اقتباس مزدوجتين في السطر {{line}}، العمود {{column}}',
  colon: 'يُنتظر «:» بعد الاسم، في السطر {{line}}، العمود {{column}}',
  commaOrClose: 'تُنتظر فاصلة أو «{{close}}» قبل «{{char}}»، في السطر {{line}}، العمود {{column}}',
  string:
    'سطر جديد داخل نص في السطر {{line}}، العمود {{column}} (هل تنقص علامة الاقتباس الختامية؟)',
  escape: 'تسلسل هروب غير معروف «\\{{char}}» في السطر {{line}}، العمود {{column}}',
  number: 'عدد مكتوب بصيغة خاطئة في السطر {{line}}، العمود {{column}}',
  after: 'نص زائد بعد نهاية JSON، في السطر {{line}}، العمود {{column}}',
  utf16NoBom: 'يبدو أن الملف محفوظ بترميز UTF-16 بلا علامة ترتيب البايتات: احفظه بترميز UTF-8',
  notUtf8: 'الملف ليس نصًا بترميز UTF-8 (السطر {{line}}، العمود {{column}}): احفظه بترميز UTF-8',
};
