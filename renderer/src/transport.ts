import type { ApiInput, ApiName, ApiOutput, Envelope } from '../../shared/contract';
import type { CasebookBridge } from '../../shared/bridge';

// The transport and the first window's early calls, apart from the typed client (api.ts): the entry script
// imports only this, so the first calls leave before React, antd and the contract's schemas are even loaded.

declare global {
  interface Window {
    casebook?: CasebookBridge;
  }
}

const TOKEN_KEY = 'casebook.token';

function loopbackToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString()); // keep the token out of copied links
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Transport = (name: ApiName, input: unknown) => Promise<Envelope<unknown>>;

function makeTransport(): { kind: 'ipc' | 'http'; call: Transport; token: string } {
  const bridge = window.casebook;
  if (bridge) return { kind: 'ipc', call: (name, input) => bridge.methods[name](input), token: '' };
  const token = loopbackToken();
  return {
    kind: 'http',
    token,
    call: async (name, input) => {
      const res = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token },
        body: JSON.stringify(input ?? {}),
      });
      if (res.status === 401) return { ok: false, error: { code: 'unauthorized', message: '访问令牌无效，请使用启动时打印的地址打开' } };
      return (await res.json()) as Envelope<unknown>;
    },
  };
}

export const transport = makeTransport();

/** Calls started before the first window rendered, each taken once by the first identical call (issue 13). */
const keyOf = (name: ApiName, input: unknown) => `${name} ${JSON.stringify(input)}`;
const early = new Map<string, Promise<Envelope<unknown>>>();
const EARLY_KEEP_MS = 10_000; // unclaimed by then (another first page): dropped, so nothing stale is ever served

/**
 * Starts the calls the first window makes while its scripts are still being evaluated and React renders, so
 * their answers are there when the pages ask (main.tsx calls it before importing the app).
 */
export function prefetch(calls: readonly (readonly [ApiName, unknown])[]): void {
  for (const [name, input] of calls) {
    const key = keyOf(name, input);
    const pending = transport.call(name, input);
    pending.then((envelope) => early.get(key) === pending && arrived.set(key, envelope)).catch(() => {}); // a failure is reported to the page that claims it
    early.set(key, pending);
  }
  setTimeout(() => (early.clear(), arrived.clear()), EARLY_KEEP_MS);
}

/** The early calls' answers already in (a successful one can be taken synchronously: takeAnswered). */
const arrived = new Map<string, Envelope<unknown>>();

/** Whether an early call's successful answer is in, without taking it (a page needing several takes all or none). */
export function hasAnswered<N extends ApiName>(name: N, input: ApiInput<N>): boolean {
  return arrived.get(keyOf(name, input))?.ok === true;
}

/**
 * The value of an early call whose answer is already in, taken (no later call gets it), or undefined: a page
 * renders its first state with it instead of rendering empty and again when its first call answers.
 */
export function takeAnswered<N extends ApiName>(name: N, input: ApiInput<N>): ApiOutput<N> | undefined {
  const key = keyOf(name, input);
  const envelope = arrived.get(key);
  if (!envelope?.ok) return undefined;
  early.delete(key);
  arrived.delete(key);
  return envelope.value as ApiOutput<N>;
}

export function claim(name: ApiName, input: unknown): Promise<Envelope<unknown>> | undefined {
  if (!early.size) return undefined;
  const key = keyOf(name, input);
  const pending = early.get(key);
  early.delete(key);
  arrived.delete(key);
  return pending;
}
