import { memo, type ReactNode } from 'react';

/**
 * Renders `children()` again only when one of `deps` changed (by identity), like useMemo but usable below an
 * early return. The case editor wraps the parts a keystroke in the body does not change (the form, the side panel),
 * so typing re-renders only the body (issue 13: under a frame per keystroke). Everything the wrapped JSX reads
 * must be in `deps` (or read through a ref when it runs).
 */
export const Stable = memo(
  function Stable({ children }: { deps: readonly unknown[]; children: () => ReactNode }) {
    return <>{children()}</>;
  },
  (a, b) => a.deps.length === b.deps.length && a.deps.every((d, i) => Object.is(d, b.deps[i])),
);
