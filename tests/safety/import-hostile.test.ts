import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import officeCrypto from 'officecrypto-tool';
import { formatCounter } from '../../electron/core/import/docx-text';
import { readFileText } from '../../electron/core/import/file-text';
import { tempCasebook } from '../helpers/tmp';
import { wordFile } from '../helpers/word-samples';
import { refusedImport } from './refused-import';

// Hostile .docx files for the XML reader of issue 17: each is refused (or read) within seconds and a bounded
// memory, with a Chinese message naming the file, and nothing is written.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string, numbering?: string) =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...(numbering ? { 'word/numbering.xml': strToU8(`<w:numbering ${W}>${numbering}</w:numbering>`) } : {}),
  });
const numbered = (text: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const list = (fmt: string, start: number) =>
  `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;

const { db } = tempCasebook();

const refused = (fileName: string, bytes: Uint8Array) => refusedImport(db, fileName, bytes);

describe('hostile numbering.xml', () => {
  it('a list starting at 2^31 in Roman numerals or letters reads in bounded time, the counter in digits', async () => {
    expect(formatCounter(2 ** 31, 'upperRoman')).toBe('2147483648');
    expect(formatCounter(2 ** 31, 'lowerLetter')).toBe('2147483648');
    expect(formatCounter(4, 'upperRoman')).toBe('IV');
    expect(formatCounter(28, 'upperLetter')).toBe('BB');
    for (const fmt of ['upperRoman', 'upperLetter']) {
      const started = performance.now();
      // before the bound: 50 paragraphs of 2 million M each took 49 s and 680 MB, then failed as «文字太多»
      const read = await readFileText(docx(Array.from({ length: 50 }, () => numbered('正文')).join(''), list(fmt, 2 ** 31 - 1)), '编号.docx');
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(read.text.split('\n\n')[0]).toBe('2147483647.正文');
    }
  });
});

describe('hostile nesting in document.xml', () => {
  it('50,000 nested insertions or hyperlinks are refused in words naming the file, not a stack overflow', async () => {
    const deepIns = docx('<w:ins>'.repeat(50_000) + '<w:p><w:r><w:t>正文</w:t></w:r></w:p>' + '</w:ins>'.repeat(50_000));
    expect(await refused('嵌套.docx', deepIns)).toMatch(/嵌套.docx的内部结构嵌套过深/u);
    const deepRun = docx('<w:p>' + '<w:hyperlink>'.repeat(50_000) + '<w:r><w:t>正文</w:t></w:r>' + '</w:hyperlink>'.repeat(50_000) + '</w:p>');
    expect(await refused('链接.docx', deepRun)).toMatch(/链接.docx的内部结构嵌套过深/u);
  });

  it('nesting as Word writes it (a run in a smart tag in a hyperlink, content controls) still reads', async () => {
    const normal = docx('<w:sdt><w:sdtContent><w:p><w:hyperlink><w:smartTag><w:r><w:t>正文</w:t></w:r></w:smartTag></w:hyperlink></w:p></w:sdtContent></w:sdt>');
    expect((await readFileText(normal, '正常.docx')).text).toBe('正文');
  });
});

describe('a Word file with an opening password, made by a real producer', () => {
  it('an encrypted .doc written by LibreOffice 7.4 is refused as encrypted, naming the file, not as «damaged»', async () => {
    // Made with LibreOffice 7.4 (a Basic macro: loadComponentFromURL, then storeToURL with FilterName «MS Word 97»
    // and Password «secret»); `msoffcrypto-tool -t` says «encrypted». Debian's msoffcrypto-tool 5.0.0 only decrypts,
    // and LibreOffice 7.4 writes a .docx or .xlsx given a password without encrypting it, so this is the real
    // encrypted Office file the machine can make.
    const bytes = fs.readFileSync(path.join(__dirname, 'fixtures/encrypted-libreoffice.doc'));
    for (const name of ['加密公文.doc', '加密公文.wps']) {
      expect(await refused(name, bytes)).toBe(`${name}设有打开密码（已加密），无法读取：请在 Word 或 WPS 中取消密码后另存，再导入`);
    }
  });

  it('an encrypted .docx (ECMA-376 agile encryption, written by officecrypto-tool) is refused as encrypted, naming the file', async () => {
    const plain = await wordFile('numbering');
    const locked = (await officeCrypto.encrypt(plain, { password: 'secret' })) as Buffer;
    expect(officeCrypto.isEncrypted(locked)).toBe(true); // the producer's own check: an OLE file, not a zip
    expect(await refused('加密案例.docx', locked)).toBe('加密案例.docx设有打开密码（已加密），无法读取：请在 Word 或 WPS 中取消密码后另存，再导入');
  });
});
