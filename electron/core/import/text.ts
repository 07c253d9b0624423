import { UserError } from '../util';

/** The encoding a byte-order mark announces: Notepad's «Unicode» saves UTF-16 LE with FF FE, «Unicode big endian» FE FF. */
function bomEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

// Turning a file's bytes into text, refusing what is not a UTF-8 or UTF-16 (with BOM) text file with a message a
// clerk can act on.
export function decodeText(bytes: Uint8Array, fileName = '文件'): string {
  if (bytes.length === 0) throw new UserError(`${fileName}是空文件`, 'bad_input');
  const utf16 = bomEncoding(bytes);
  // UTF-16 text is full of zero bytes, so the binary test applies only to the other encodings.
  const head = bytes.subarray(0, 8192);
  if (!utf16 && head.includes(0)) throw new UserError(`${fileName}不是文本文件（像是二进制文件），请导入 .txt 或 .md 文本`, 'bad_input');
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(
      utf16
        ? `${fileName}标为 UTF-16 编码却无法按 UTF-16 读取（文件可能不完整），请用记事本“另存为”UTF-8 后再导入`
        : `${fileName}不是 UTF-8 编码（可能是 GBK/GB2312），请用记事本“另存为”UTF-8 后再导入`,
      'bad_input',
    );
  }
  text = text.replace(/^\uFEFF/u, '').replace(/\r\n?/g, '\n');
  const controls = (text.match(/[\u0001-\u0008\u000e-\u001f]/gu) ?? []).length;
  if (controls > text.length / 100) throw new UserError(`${fileName}含有大量控制字符，不像文本文件`, 'bad_input');
  if (!text.trim()) throw new UserError(`${fileName}没有文字内容`, 'bad_input');
  return text;
}

/** Comparison key for titles: no spaces, no quotes of either width. */
export function titleKey(title: string): string {
  return title.replace(/[\s"'“”‘’「」『』]/gu, '');
}

/** Spaces of a scan go (next to quotes and punctuation, and before the 案例 suffix); the wording stays. */
export function tidyTitle(raw: string): string {
  const t = raw.replace(/\s+/gu, ' ').trim().replace(/\s*([“”‘’、，：；（）《》])\s*/gu, '$1');
  return t.replace(/\s+(复制推广典型案例|典型案例|创新实践案例|实践案例)$/u, '$1');
}

/** Cleans a title from a scan: spaces next to quotes and punctuation go; a replication title gets its quotes. */
export function normalizeTitle(raw: string): string {
  let t = tidyTitle(raw);
  const suffix = /(复制推广典型案例|典型案例|创新实践案例|实践案例)$/u.exec(t);
  if (suffix) {
    let name = t.slice(0, t.length - suffix[0].length).trim();
    if (!(name.startsWith('“') && name.endsWith('”') && !name.slice(1, -1).includes('“'))) {
      name = name.replace(/^“|”$/gu, '').replace(/“/gu, '‘').replace(/”/gu, '’');
      name = `“${name}”`;
    }
    t = name + suffix[0];
  }
  return t;
}

/** Whether a paragraph ends where a sentence may end; one that does not was likely cut by a page break. */
export function endsSentence(line: string): boolean {
  return /[。！？；：…!?;:]$|[。！？][”’」』)）]$|[)）]$/u.test(line.trim());
}
