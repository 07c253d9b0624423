import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Rendering exports the way an office suite lays them out (LibreOffice, with the shared font mapping) and
// reading the PDF back with poppler: page sizes, text lines with their boxes, red pixels of a page.

export const MM_PER_PT = 25.4 / 72;
export const FONTS_CONF = path.resolve(__dirname, '../../../shared/tools/fonts.conf');

export function hasRenderer(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Converts a .docx or .xlsx to PDF beside it and returns the PDF's path. */
export function renderPdf(file: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.dirname(file), file],
      { env: { ...process.env, ...(fs.existsSync(FONTS_CONF) ? { FONTCONFIG_FILE: FONTS_CONF } : {}) }, stdio: 'pipe', timeout: 240_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = file.replace(/\.(docx|xlsx)$/u, '.pdf');
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}`);
  return pdf;
}

export function pageSizes(pdf: string): { width: number; height: number }[] {
  const out = execFileSync('pdfinfo', ['-f', '1', '-l', '10000', pdf], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gu)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

export interface TextLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every text line of every page, in points from the page's top-left corner. */
export function textLines(pdf: string): TextLine[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return xml.split(/<page /u).slice(1).map((page) =>
    [...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/gu)].map((m) => {
      const words = [...m[5]!.matchAll(/<word [^>]*>([^<]*)<\/word>/gu)].map((w) => decode(w[1]!));
      return { text: words.join(' '), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) };
    }),
  );
}

const decode = (s: string) => s.replace(/&amp;/gu, '&').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'");

export interface RedBand {
  topMm: number;
  bottomMm: number;
  /** Rows of the band, each with its red run's start and length in mm. */
  rows: { yMm: number; xMm: number; lengthMm: number }[];
}

/** Horizontal bands of red pixels on a page rendered at `dpi`: the red rules and the red mark. */
export function redBands(pdf: string, page: number, dpi = 100): RedBand[] {
  const prefix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'red-')), 'p');
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf, prefix]);
  const file = fs.readdirSync(path.dirname(prefix)).map((f) => path.join(path.dirname(prefix), f)).find((f) => f.endsWith('.ppm'))!;
  const data = fs.readFileSync(file);
  fs.rmSync(path.dirname(prefix), { recursive: true, force: true });
  // P6 header: magic, width height, maxval, then RGB bytes
  let pos = 0;
  const token = () => {
    while (/\s/u.test(String.fromCharCode(data[pos]!))) pos++;
    const start = pos;
    while (!/\s/u.test(String.fromCharCode(data[pos]!))) pos++;
    return data.subarray(start, pos).toString('latin1');
  };
  token();
  const width = Number(token());
  const height = Number(token());
  token();
  pos++;
  const mm = (px: number) => (px * 25.4) / dpi;
  const bands: RedBand[] = [];
  let current: RedBand | null = null;
  for (let y = 0; y < height; y++) {
    let first = -1;
    let count = 0;
    for (let x = 0; x < width; x++) {
      const i = pos + (y * width + x) * 3;
      if (data[i]! > 180 && data[i + 1]! < 100 && data[i + 2]! < 100) {
        if (first < 0) first = x;
        count++;
      }
    }
    if (count > 0) {
      current ??= { topMm: mm(y), bottomMm: mm(y), rows: [] };
      current.bottomMm = mm(y);
      current.rows.push({ yMm: mm(y), xMm: mm(first), lengthMm: mm(count) });
    } else if (current) {
      bands.push(current);
      current = null;
    }
  }
  if (current) bands.push(current);
  return bands;
}
