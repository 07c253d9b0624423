import { ApiCallError } from './api';

// The API returns a refused value as data (issues with the input path); forms show each at its own field.
export type FieldErrors = Record<string, string>;

/** The errors of `e` by field, the path relative to `prefix` (e.g. 'circular.'); null when no field is named. */
export function fieldErrorsOf(e: unknown, prefix = ''): FieldErrors | null {
  if (!(e instanceof ApiCallError) || !e.error.issues?.length) return null;
  const out: FieldErrors = {};
  for (const issue of e.error.issues) {
    if (!issue.path.startsWith(prefix)) continue;
    const field = issue.path.slice(prefix.length).split('.')[0]!;
    out[field] ??= issue.message;
  }
  return Object.keys(out).length ? out : null;
}

/** Form.Item props that mark a field with its error. */
export const errorProps = (message: string | undefined) => (message ? { validateStatus: 'error' as const, help: message } : {});
