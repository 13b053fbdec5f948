// Renders a component into happy-dom's document with a translator, and cleans up.
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createTranslator, type Language } from '../../shared/i18n';
import { TranslatorProvider } from '../../renderer/i18n';

// React checks this flag before it lets act() flush effects outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  readonly container: HTMLElement;
  unmount(): void;
}

export async function render(node: ReactNode, language: Language = 'en'): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | null = null;
  await act(async () => {
    root = createRoot(container);
    root.render(<TranslatorProvider value={createTranslator(language)}>{node}</TranslatorProvider>);
  });
  return {
    container,
    unmount() {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** Runs a DOM event inside act, so React has re-rendered when it returns. */
export async function fire(run: () => void): Promise<void> {
  await act(async () => run());
}
