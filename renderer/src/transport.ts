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
    sessionStorage.setItem(TOKEN_KEY, fromUrl); // for a reload
    // Out of the address (copied links) once the first window is up: a history entry costs the start a few ms
    // (issue 13); a reload before then still finds the token there.
    requestIdleCallback(
      () => {
        const now = new URL(window.location.href); // the address as it is then: the page may have moved on
        now.searchParams.delete('token');
        window.history.replaceState(window.history.state, '', now.toString());
      },
      { timeout: 3000 },
    );
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type Transport = (name: ApiName, input: unknown) => Promise<Envelope<unknown>>;
/** Several calls at once, their answers in the same order. */
type ManyTransport = (calls: readonly (readonly [ApiName, unknown])[]) => Promise<Envelope<unknown>[]>;

const UNAUTHORIZED: Envelope<unknown> = { ok: false, error: { code: 'unauthorized', message: '访问令牌无效，请使用启动时打印的地址打开' } };

function makeTransport(): { kind: 'ipc' | 'http'; call: Transport; callMany: ManyTransport; token: string } {
  const bridge = window.casebook;
  if (bridge) {
    const call: Transport = (name, input) => bridge.methods[name](input);
    return { kind: 'ipc', call, callMany: (calls) => Promise.all(calls.map(([name, input]) => call(name, input))), token: '' };
  }
  const token = loopbackToken();
  const post = (path: string, body: unknown) =>
    fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Casebook-Token': token }, body: JSON.stringify(body) });
  return {
    kind: 'http',
    token,
    call: async (name, input) => {
      const res = await post(`/api/${name}`, input ?? {});
      if (res.status === 401) return UNAUTHORIZED;
      return (await res.json()) as Envelope<unknown>;
    },
    // One request for the first window's calls (the loopback server's /batch): each fetch costs the page's
    // main thread a few milliseconds to send and its answer a task to take in (issue 13).
    callMany: async (calls) => {
      const res = await post('/batch', calls.map(([name, input]) => [name, input ?? {}]));
      if (res.status === 401) return calls.map(() => UNAUTHORIZED);
      const answers = (await res.json()) as Envelope<unknown>[] | Envelope<unknown>;
      if (!Array.isArray(answers) || answers.length !== calls.length) throw new Error('batch answer does not match its calls');
      return answers;
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
  const answers = transport.callMany(calls);
  calls.forEach(([name, input], i) => {
    const key = keyOf(name, input);
    const pending = answers.then((all) => all[i]!);
    pending.then((envelope) => early.get(key) === pending && arrived.set(key, envelope)).catch(() => {}); // a failure is reported to the page that claims it
    early.set(key, pending);
  });
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
