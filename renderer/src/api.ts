import type { ApiClient, ApiError } from '../../shared/contract';
import { API_NAMES } from '../../shared/contract';
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

export const api = Object.fromEntries(
  API_NAMES.map((name) => [
    name,
    async (input: unknown) => {
      const envelope = await (claim(name, input ?? {}) ?? transport.call(name, input ?? {}));
      if (!envelope.ok) throw new ApiCallError(envelope.error);
      return envelope.value;
    },
  ]),
) as unknown as ApiClient;

/** A URL for a file the loopback server saved, with the token; null inside Electron. */
export function withToken(url: string | null): string | null {
  if (!url) return null;
  return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(transport.token)}`;
}
