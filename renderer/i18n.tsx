// The window's translator, from the settings (or the system language), through a React context.
import { createContext, useContext } from 'react';
import { createTranslator, type Translator } from '../shared/i18n';

const TranslatorContext = createContext<Translator>(createTranslator('en'));

export const TranslatorProvider = TranslatorContext.Provider;

/** The current translator. */
export function useTr(): Translator {
  return useContext(TranslatorContext);
}
