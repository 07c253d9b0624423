import { UserError } from '../util';

// The bounds of every import (issue 9.11). A circular of 28 cases is about 150 KB of text and a .docx of a few
// hundred KB; the limits leave room for a year of circulars in one file while keeping an import within seconds and
// a few hundred MB of memory on the clerk's PC. The README's «导入» section documents them.

const MB = 1024 * 1024;

/** Largest file accepted at all (a .pdf or .docx with pictures may be large; the pictures are never unpacked). */
export const MAX_IMPORT_FILE_BYTES = 30 * MB;
/** Largest text read from any file: past it parsing and checking would take minutes. */
export const MAX_IMPORT_TEXT_CHARS = 2_000_000;
/** Largest unpacked size of one part of a .docx that is read (document.xml, numbering.xml, styles.xml …). */
export const MAX_ZIP_PART_BYTES = 40 * MB;
/** Largest unpacked size of all the entries of a .docx together, as its directory declares them. */
export const MAX_ZIP_TOTAL_BYTES = 80 * MB;
/** Most entries a .docx may hold. */
export const MAX_ZIP_ENTRIES = 5_000;
/** Most pages read from a PDF. */
export const MAX_PDF_PAGES = 400;
/** Longest an import's reading of one file may take before it is abandoned (PDF and .doc reading are asynchronous). */
export const MAX_IMPORT_READ_MS = 60_000;

export const formatMb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** Refuses a file too large to import before anything is decoded. */
export function assertFileSize(bytes: Uint8Array, fileName: string): void {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new UserError(`${fileName}太大（${formatMb(bytes.length)}），导入上限为 ${formatMb(MAX_IMPORT_FILE_BYTES)}：请拆分成几个文件后再导入`, 'too_large');
  }
}

/** Refuses a text too long to parse and check in reasonable time. */
export function assertTextLength(text: string, fileName: string): string {
  if (text.length > MAX_IMPORT_TEXT_CHARS) {
    throw new UserError(
      `${fileName}的文字太多（${Math.round(text.length / 10_000)} 万字），导入上限为 ${MAX_IMPORT_TEXT_CHARS / 10_000} 万字：请拆分成几个文件后再导入`,
      'too_large',
    );
  }
  return text;
}

/** Runs a file reader with a time bound; the reader's own work stops being awaited past it. */
export async function withTimeLimit<T>(work: Promise<T>, fileName: string, ms = MAX_IMPORT_READ_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UserError(`读取${fileName}超过 ${ms / 1000} 秒仍未完成，已停止：文件可能损坏或过于复杂`, 'too_large')), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}
