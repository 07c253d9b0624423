import { unzipSync } from 'fflate';
import { UserError } from '../util';
import { formatMb, MAX_ZIP_ENTRIES, MAX_ZIP_PART_BYTES, MAX_ZIP_TOTAL_BYTES } from './limits';

// Reading parts of a zip (a .docx) within bounds: the sizes its directory declares are checked before anything is
// unpacked, so a small file that unpacks to hundreds of MB (a zip bomb) is refused without using the memory. fflate
// unpacks each part into a buffer of exactly the declared size, so a part that lies about its size cannot grow past it.

export const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const unreadable = (fileName: string) => new UserError(`${fileName}不是可读取的 Word 文档（文件已损坏或不完整）：请在 Word 或 WPS 中重新保存后再导入`, 'bad_input');

export interface ZipBounds {
  part: number;
  total: number;
}

/**
 * Checks the entries the zip's directory declares against the bounds before anything is unpacked. Throws the
 * clerk's message past a bound; false when the directory cannot be read at all (the caller says what file it is).
 */
export function zipWithinBounds(bytes: Uint8Array, fileName: string, bounds: ZipBounds = { part: MAX_ZIP_PART_BYTES, total: MAX_ZIP_TOTAL_BYTES }): boolean {
  let entries = 0;
  let total = 0;
  const tooBig = (size: number) =>
    new UserError(
      `${fileName}解压后过大（${formatMb(size)}），超过导入上限（单个部件 ${formatMb(bounds.part)}，合计 ${formatMb(bounds.total)}），已拒绝：文件可能是恶意构造的压缩包`,
      'too_large',
    );
  try {
    unzipSync(bytes, {
      filter(file) {
        entries++;
        total += file.originalSize;
        if (entries > MAX_ZIP_ENTRIES) throw new UserError(`${fileName}包含的部件过多（超过 ${MAX_ZIP_ENTRIES} 个），已拒绝`, 'too_large');
        if (file.originalSize > bounds.part) throw tooBig(file.originalSize);
        if (total > bounds.total) throw tooBig(total);
        return false; // the first pass only reads the directory
      },
    });
  } catch (err) {
    if (err instanceof UserError) throw err;
    return false;
  }
  return true;
}

/** The parts of the zip whose names `wanted` accepts, after checking every entry's declared size. */
export function readZipParts(bytes: Uint8Array, fileName: string, wanted: (name: string) => boolean): Map<string, Uint8Array> {
  if (!zipWithinBounds(bytes, fileName)) throw unreadable(fileName);
  try {
    const parts = unzipSync(bytes, { filter: (file) => wanted(file.name) });
    return new Map(Object.entries(parts));
  } catch {
    throw unreadable(fileName);
  }
}
