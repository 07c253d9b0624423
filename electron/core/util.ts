// Small helpers shared by the repositories.
export function nowIso(): string {
  return new Date().toISOString();
}

/** Today on the clerk's calendar (the machine's local date), as YYYY-MM-DD. Not toLocaleDateString('sv'): its
 * first call loads ICU's locale data, 50 ms or more of a command-line start. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
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
