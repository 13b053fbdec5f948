// Text shipped in three languages, or typed by a person once. No zod here: the overview uses it and
// stays light (the schemas load with the views that edit).

/** Shipped text in every language, or what a person typed. */
export type AnyLocalText =
  string | { readonly en: string; readonly fr: string; readonly ar: string };

/** The text in a language (what a person typed is the same in all). */
export function textIn(value: AnyLocalText, language: 'en' | 'fr' | 'ar'): string {
  return typeof value === 'string' ? value : value[language];
}
