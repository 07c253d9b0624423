import type { Db } from '../db/connection';
import { importCasesOnly, previewFile } from '../import/import-circular';
import type { HandlerTable } from './dispatch';

type ImportNames = 'import.preview' | 'import.casesOnly';

export function importHandlers(db: Db): Pick<HandlerTable, ImportNames> {
  return {
    'import.preview': ({ fileName, base64 }) => previewFile(db, Buffer.from(base64, 'base64'), fileName),
    'import.casesOnly': ({ fileName, base64 }) => importCasesOnly(db, Buffer.from(base64, 'base64'), fileName),
  };
}
