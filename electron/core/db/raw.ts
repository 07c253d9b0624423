import Database from 'better-sqlite3';

// Plain connections and the checks shared by opening, backups and restore (kept apart from connection.ts so
// that the backup module can use them without an import cycle).

export type Db = Database.Database;

/** How long a writer waits for another process's write lock before giving up with SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

// The native binding each connection was opened with, so helpers (backups, restore) can open sibling files
// with the same build (Electron cannot load the Node one).
const bindings = new WeakMap<Db, string | undefined>();

export function rememberBinding(db: Db, nativeBinding: string | undefined): void {
  bindings.set(db, nativeBinding);
}

/** A plain connection to another file with the same native build as `like`; no pragmas, no migrations. */
export function openRawDatabase(file: string, like: Db | null, options: { readonly?: boolean; fileMustExist?: boolean; nativeBinding?: string } = {}): Db {
  const nativeBinding = options.nativeBinding ?? (like ? bindings.get(like) : undefined);
  const db = new Database(file, {
    ...(nativeBinding ? { nativeBinding } : {}),
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    timeout: BUSY_TIMEOUT_MS,
  });
  bindings.set(db, nativeBinding);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** SQLite's quick_check (structure, not every index entry: fast enough for every start); problems as text. */
export function quickCheck(db: Db): string[] {
  const rows = db.pragma('quick_check(20)') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
}
