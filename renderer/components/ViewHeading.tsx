// A view's heading. Once the person has moved between views, a view that appears takes the focus
// to its heading (after its code has loaded), so keyboard and screen reader users land where the
// content changed; the first paint leaves the focus alone.
import { createContext, useContext, useLayoutEffect, useRef, type ReactNode } from 'react';

export const FocusOnViewContext = createContext<{ readonly current: boolean }>({ current: false });

export function ViewHeading({ children }: { readonly children: ReactNode }) {
  const moved = useContext(FocusOnViewContext);
  const heading = useRef<HTMLHeadingElement>(null);
  // Before paint, so the focus ring and the screen reader land with the view itself.
  useLayoutEffect(() => {
    if (moved.current) heading.current?.focus();
  }, [moved]);
  return (
    <h2 id="view-heading" tabIndex={-1} ref={heading}>
      {children}
    </h2>
  );
}
