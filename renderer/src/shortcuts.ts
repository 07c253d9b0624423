import { useEffect, useRef } from 'react';

// Application shortcuts, the same inside Electron (where the menu also sends them) and in a browser.
export type Command = 'new-case' | 'save' | 'find' | 'import' | 'about' | 'open-data-folder';

type Listener = (cmd: Command) => boolean | void;
const listeners = new Set<Listener>();

/** Runs the most recently registered handler that accepts the command. */
export function dispatchCommand(cmd: Command): void {
  for (const l of [...listeners].reverse()) if (l(cmd) !== false) return;
}

/** A page handles a command while it is shown; return false to pass it on. */
export function useCommand(handler: Listener): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const l: Listener = (cmd) => ref.current(cmd);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
}

export function installShortcuts(): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const cmd: Command | null = key === 's' ? 'save' : key === 'n' ? 'new-case' : key === 'f' ? 'find' : key === 'o' ? 'import' : null;
    if (!cmd) return;
    e.preventDefault();
    dispatchCommand(cmd);
  };
  window.addEventListener('keydown', onKey);
  const offMenu = window.casebook?.onMenu((c) => dispatchCommand(c as Command));
  return () => {
    window.removeEventListener('keydown', onKey);
    offMenu?.();
  };
}
