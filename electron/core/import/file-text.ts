import type { ImportWarning } from '../../../shared/domain';
import { UserError } from '../util';
import { docxToText } from './docx-text';
import { assertFileSize, assertTextLength, withTimeLimit } from './limits';
import { pdfToText } from './pdf-text';
import { decodeText } from './text';
import { isZip } from './zip';

// One door for every file a clerk imports, checks or receives for a call (issue 17): the format is told from the
// bytes, not trusted from the extension (OA systems save RTF and HTML as .doc), every reader is bounded by the limits
// of ./limits, and a refusal names the file and says what to do.

export interface FileText {
  text: string;
  /** What the reader wants the clerk to know (revisions accepted, tables read, numbering not readable). */
  notes: ImportWarning[];
  /** The lines are the document's own paragraphs (Word files), never to be rejoined (see ParseOptions). */
  exactParagraphs?: boolean;
}

/** The extensions the importer reads, for the file pickers and messages. */
export const IMPORT_EXTENSIONS = ['.docx', '.doc', '.wps', '.pdf', '.txt', '.md', '.markdown'];

const startsWith = (bytes: Uint8Array, ascii: string) => bytes.length >= ascii.length && [...ascii].every((c, i) => bytes[i] === c.charCodeAt(0));
const isOle = (bytes: Uint8Array) => startsWith(bytes, '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1');
/** The head of a file as Latin-1, for sniffing markup saved under another extension. */
const head = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\xef\xbb\xbf|^\s+/u, '').toLowerCase();

/** An OLE file whose directory names the EncryptionInfo stream: a .docx protected by an opening password. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = Buffer.from('EncryptionInfo', 'utf16le');
  return Buffer.from(bytes.subarray(0, Math.min(bytes.length, 1 << 20))).includes(name);
}

const encrypted = (fileName: string) => new UserError(`${fileName}设有打开密码（已加密），无法读取：请在 Word 或 WPS 中取消密码后另存，再导入`, 'bad_input');

/**
 * A Word 97–2003 or WPS file protected by an opening password: unlike a .docx it has no EncryptionInfo stream, the
 * password is a flag of its header (the FIB's fEncrypted), and word-extractor would call it damaged.
 */
async function isEncryptedDoc(bytes: Uint8Array): Promise<boolean> {
  try {
    const { default: OleCompoundDoc } = await import('word-extractor/lib/ole-compound-doc');
    const { default: BufferReader } = await import('word-extractor/lib/buffer-reader');
    const doc = await new OleCompoundDoc(new BufferReader(Buffer.from(bytes))).read();
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = doc.stream('WordDocument');
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', resolve);
    });
    const fib = Buffer.concat(chunks);
    return fib.length >= 12 && fib.readUInt16LE(0) === 0xa5ec && (fib.readUInt16LE(0x0a) & 0x0100) !== 0;
  } catch {
    return false; // not readable as OLE: the extractor says so in its own words
  }
}

export async function readFileText(bytes: Uint8Array, fileName: string): Promise<FileText> {
  assertFileSize(bytes, fileName);
  const result = await withTimeLimit(read(bytes, fileName), fileName);
  assertTextLength(result.text, fileName);
  return result;
}

async function read(bytes: Uint8Array, fileName: string): Promise<FileText> {
  const ext = /\.[^.]+$/u.exec(fileName)?.[0]?.toLowerCase() ?? '';
  const office = ['.docx', '.doc', '.wps'].includes(ext);
  if (bytes.length === 0) throw new UserError(`${fileName}是空文件`, 'bad_input');
  if (isZip(bytes)) {
    if (office) return docxToText(bytes, fileName);
    throw new UserError(`${fileName}不是文本文件，而是压缩包：请导入 Word（.docx/.doc/.wps）、PDF 或文本（.txt/.md）`, 'bad_input');
  }
  if (isOle(bytes)) {
    if (isEncryptedOffice(bytes)) throw encrypted(fileName);
    if (office) return docToText(bytes, fileName);
    throw new UserError(`${fileName}像是 Word/WPS 文件，请把扩展名改为 .doc 后再导入`, 'bad_input');
  }
  if (startsWith(bytes, '%PDF-')) return pdfToText(bytes, fileName);
  const markup = head(bytes);
  if (markup.startsWith('{\\rtf')) {
    throw new UserError(`${fileName}其实是 RTF 文件（只是扩展名为 ${ext || '空'}），无法直接读取：请在 Word 或 WPS 中打开，另存为 .docx 后再导入`, 'bad_input');
  }
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<\?mso|mime-version:)/u.test(markup) || (office && /<html|<body|<meta/u.test(markup))) {
    throw new UserError(`${fileName}其实是网页（HTML/MHT）文件（只是扩展名为 ${ext || '空'}），无法直接读取：请在 Word 或 WPS 中打开，另存为 .docx 后再导入`, 'bad_input');
  }
  if (ext === '.pdf') throw new UserError(`${fileName}不是有效的 PDF 文件（文件头不对，可能已损坏）：请重新获取文件后再导入`, 'bad_input');
  if (office) throw new UserError(`${fileName}不是可读取的旧版 Word/WPS 文件（可能已损坏、不完整或并非 Word 文件）：请在 Word 或 WPS 中打开，另存为 .docx 后再导入`, 'bad_input');
  return { text: decodeText(bytes, fileName), notes: [] };
}

// ---------- .doc and .wps ----------

const SECTION_WORDS = /^(基本情况|主要做法|实践效果|工作成效|取得成效|下一步工作思路|下一步工作打算|复制推广事项介绍|经验做法)$/u;

/**
 * Word 97–2003 (.doc) and WPS (.wps) text through word-extractor, pure JavaScript (nothing to install on the clerk's
 * PC). Paragraphs are kept; typed ordinals give the structure. Automatic numbering is not in the text stream, so a
 * file whose section names stand bare gets a note rather than a silently flat case.
 */
async function docToText(bytes: Uint8Array, fileName: string): Promise<FileText> {
  if (await isEncryptedDoc(bytes)) throw encrypted(fileName);
  const { default: WordExtractor } = await import('word-extractor');
  let body: string;
  try {
    body = (await new WordExtractor().extract(Buffer.from(bytes))).getBody({ filterUnicode: false }); // keep “” as written
  } catch {
    throw new UserError(`${fileName}无法读取（Word/WPS 旧格式文件已损坏或不完整）：请在 Word 或 WPS 中打开，另存为 .docx 后再导入`, 'bad_input');
  }
  const paragraphs = body
    .replace(/\r\n?/gu, '\n')
    .replace(/[\u000b\u2028]/gu, '') // a soft line break inside a paragraph
    .split('\n')
    .map((p) => p.replace(/\t+/gu, '\t').trim())
    .filter(Boolean);
  if (paragraphs.length === 0) throw new UserError(`${fileName}中没有文字`, 'bad_input');
  const notes: ImportWarning[] = [];
  if (paragraphs.some((p) => SECTION_WORDS.test(p.replace(/[。:：]$/u, '')))) {
    notes.push({ caseSeq: null, rule: null, message: `${fileName}：序号为自动编号，未能读取，请核对结构（或在 Word/WPS 中另存为 .docx 后导入）` });
  }
  return { text: paragraphs.join('\n\n'), notes, exactParagraphs: true };
}
