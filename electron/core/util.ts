// Small helpers shared by the repositories.
export function nowIso(): string {
  return new Date().toISOString();
}

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null) return fallback;
  return JSON.parse(text) as T;
}

/** An error a user can act on; handlers pass its message through as data. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code = 'invalid',
    /** The input field the error is about (a path of the method's input, e.g. circular.docSeq): the form marks it. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function notFound(what: string, id: number | string): UserError {
  return new UserError(`${what}不存在：${id}`, 'not_found');
}
