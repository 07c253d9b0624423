import type { BrowserWindowConstructorOptions } from 'electron';

// The window's security settings and the navigation policy, as plain values so tests can read them
// without starting Electron.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // antd injects its CSS-in-JS as <style> elements
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function mainWindowOptions(
  preload: string,
  bounds: { x?: number; y?: number; width: number; height: number },
  options: { devTools?: boolean } = {},
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 1200,
    minHeight: 700,
    show: false,
    title: 'FTZ Casebook 自贸案例汇编',
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools ?? false, // only in development; the packaged app has none (nor the shortcut)
    },
  };
}

/** Whether the window may navigate to `target`: only within the app's own origin (and its entry file). */
export function isAppUrl(target: string, appUrl: string): boolean {
  let t: URL;
  let a: URL;
  try {
    t = new URL(target);
    a = new URL(appUrl);
  } catch {
    return false;
  }
  if (t.username || t.password) return false;
  if (a.protocol === 'file:') return t.protocol === 'file:' && t.pathname === a.pathname;
  // a custom scheme's URL has the opaque origin "null" for every host: compare scheme and host instead
  if (a.protocol !== 'http:' && a.protocol !== 'https:') return t.protocol === a.protocol && t.host === a.host && t.host !== '';
  return t.origin === a.origin;
}

/** Links the user clicks that may leave the app go to the system browser: web pages only, never file: or custom schemes. */
export function isExternalWebUrl(target: string): boolean {
  try {
    const u = new URL(target);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}

/**
 * Which web permissions the page may have: none. Both the request handler (prompts: camera, notifications…)
 * and the check handler (synchronous queries: clipboard, sensors, storage access…) answer from this.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = [];
export const isPermissionAllowed = (permission: string): boolean => ALLOWED_PERMISSIONS.includes(permission);
