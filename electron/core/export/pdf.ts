import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../util';

// PDF through LibreOffice in headless mode, where it is installed: clerks send PDFs for review, and Word is not
// something the app can drive. LibreOffice is looked for at its usual install paths and on PATH.

/** Bound on one conversion: a 100-page circular takes well under a minute on an ordinary machine. */
const CONVERT_TIMEOUT_MS = 180_000;

export const NO_LIBREOFFICE_MESSAGE =
  '未找到 LibreOffice，无法直接导出 PDF。请安装免费的 LibreOffice（https://zh-cn.libreoffice.org/，安装时保留默认路径）后重试；也可以先导出 Word，在 Word 或 WPS 中“另存为 PDF”。';

/** Where LibreOffice puts soffice on Windows, Linux and macOS. */
export function sofficeCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = os.platform()): string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432, 'C:\\Program Files', 'C:\\Program Files (x86)'].filter((r): r is string => !!r);
    return [...new Set(roots)].map((r) => path.win32.join(r, 'LibreOffice', 'program', 'soffice.exe'));
  }
  if (platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  const opt = (() => {
    try {
      return fs.readdirSync('/opt').filter((d) => /^libreoffice/iu.test(d)).map((d) => `/opt/${d}/program/soffice`);
    } catch {
      return [];
    }
  })();
  return ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice', ...opt, '/snap/bin/libreoffice'];
}

/** The soffice to run, from FTZ_SOFFICE, the usual paths or PATH; null when there is none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FTZ_SOFFICE && fs.existsSync(env.FTZ_SOFFICE)) return env.FTZ_SOFFICE;
  for (const c of sofficeCandidates(env)) if (fs.existsSync(c)) return c;
  const exe = os.platform() === 'win32' ? 'soffice.exe' : 'soffice';
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, exe))) return path.join(dir, exe);
  }
  return null;
}

/** Converts a .docx to PDF in a private temporary folder (its own LibreOffice profile, so a running office is untouched). */
export async function docxToPdf(docx: Buffer, soffice = findSoffice()): Promise<Buffer> {
  if (!soffice) throw new UserError(NO_LIBREOFFICE_MESSAGE, 'no_pdf_converter');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ftz-pdf-'));
  try {
    const input = path.join(dir, 'document.docx');
    fs.writeFileSync(input, docx);
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    // node:child_process loaded here, not at the top: a .docx export loads this module and spawns nothing
    const { execFile } = process.getBuiltinModule('node:child_process');
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input], { timeout: CONVERT_TIMEOUT_MS, windowsHide: true }, (err) =>
        err ? reject(err) : resolve(),
      );
    }).catch((err: NodeJS.ErrnoException & { killed?: boolean }) => {
      throw new UserError(err.killed ? 'LibreOffice 转换 PDF 超时，请稍后重试或先导出 Word' : `LibreOffice 转换 PDF 失败：${err.message.slice(0, 200)}`, 'pdf_failed');
    });
    const pdf = path.join(dir, 'document.pdf');
    if (!fs.existsSync(pdf)) throw new UserError('LibreOffice 没有生成 PDF，请先导出 Word 再另存为 PDF', 'pdf_failed');
    return fs.readFileSync(pdf);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
