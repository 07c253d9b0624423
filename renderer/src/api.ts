import type { ApiClient, ApiError, ApiName } from '../../shared/contract';
import { claim, transport } from './transport';

// The typed client, over the transport (transport.ts), which picks itself: the preload's bridge inside Electron,
// the loopback HTTP server (with the token it was opened with) in a plain browser.

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export { transport } from './transport';

/**
 * Each method of the contract, made on first use: the client needs the contract's types only, so the first window
 * does not load zod and the contract's schemas (the server, the preload and the handlers check every call by name).
 */
const methods = new Map<string, (input: unknown) => Promise<unknown>>();
export const api = new Proxy({} as ApiClient, {
  get(_target, key) {
    // every method is «area.verb»; anything else (a Promise's `then`, React's probes) is not a method
    if (typeof key !== 'string' || !key.includes('.')) return undefined;
    const name = key as ApiName; // a name the contract lacks is refused by the server as any unknown call
    let method = methods.get(name);
    if (!method) {
      method = async (input: unknown) => {
        const envelope = await (claim(name, input ?? {}) ?? transport.call(name, input ?? {}));
        if (!envelope.ok) throw new ApiCallError(envelope.error);
        return envelope.value;
      };
      methods.set(name, method);
    }
    return method;
  },
});

/** A URL for a file the loopback server saved, with the token; null inside Electron. */
export function withToken(url: string | null): string | null {
  if (!url) return null;
  return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(transport.token)}`;
}
