// Leaving a page with work that cannot be saved asks first. A page registers a guard while it has such work;
// the router holds a hash change until the guard answers, and puts the old address back if it says no.

/** true: leave now; a promise: ask (or save) first, then leave if it resolves to true. */
export type LeaveGuard = () => Promise<boolean> | true;

let guard: LeaveGuard | null = null;
let passNext = false;

/** Registers the guard of the page on screen; returns the function that removes it. */
export function setLeaveGuard(g: LeaveGuard): () => void {
  guard = g;
  return () => {
    if (guard === g) guard = null;
  };
}

/**
 * Called by the router on every hash change. Returns true when the change is held: the address is put back at
 * once, and it is made again (and passed through) only if the guard agrees.
 */
export function holdNavigation(e: HashChangeEvent): boolean {
  if (passNext) {
    passNext = false;
    return false;
  }
  if (!guard) return false;
  const answer = guard();
  if (answer === true) return false;
  window.history.replaceState(null, '', e.oldURL);
  void answer.then(
    (leave) => {
      if (!leave) return;
      if (window.location.href === e.newURL) return;
      passNext = true;
      window.location.href = e.newURL;
    },
    () => undefined,
  );
  return true;
}
