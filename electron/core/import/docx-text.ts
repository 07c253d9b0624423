import mammoth from 'mammoth';
import { UserError } from '../util';

// Word files as the units submit them: the text of each paragraph, one per line. A soft line break inside a
// paragraph (a title broken over two lines) joins back, as Chinese text needs no space there.

export const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export async function docxToText(bytes: Uint8Array, fileName: string): Promise<string> {
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch {
    throw new UserError(`${fileName}不是可读取的 Word 文档（.docx）；.doc/.wps 请先在 Word 或 WPS 中另存为 .docx`, 'bad_input');
  }
  const text = raw
    .split(/\n{2,}/u)
    .map((p) => p.replace(/\n/gu, '').trim())
    .filter(Boolean)
    .join('\n\n');
  if (!text) throw new UserError(`${fileName}中没有文字`, 'bad_input');
  return text;
}
