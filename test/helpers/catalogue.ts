// The string catalogue's completeness rules, shared by the catalogue's own test
// (test/unit/shared/i18n.test.ts) and the recipe's fixture (test/unit/recipes.test.ts).

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every key of a catalogue, dotted (`nav.overview`), plural forms kept (`x_one`). */
export function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

/** Whether a key is one plural form of a counted string. */
export function isPluralForm(key: string): boolean {
  return PLURAL.test(key);
}

/**
 * What a language lacks against the reference (English), and what it has that English does not,
 * counting a plural string once whatever its forms.
 */
export function keyGaps(reference: object, own: object): { missing: string[]; stray: string[] } {
  const base = (messages: object) => new Set(keysOf(messages).map((k) => k.replace(PLURAL, '')));
  const wanted = base(reference);
  const has = base(own);
  return {
    missing: [...wanted].filter((k) => !has.has(k)),
    stray: [...has].filter((k) => !wanted.has(k)),
  };
}

/** The plural forms a language uses (Intl's categories) that a counted string of `messages` lacks. */
export function missingPluralForms(messages: object, language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const plural = keysOf(messages).filter(isPluralForm);
  const bases = new Set(plural.map((k) => k.replace(PLURAL, '')));
  return [...bases].flatMap((b) =>
    categories.map((c) => `${b}_${c}`).filter((form) => !plural.includes(form)),
  );
}
