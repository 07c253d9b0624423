import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// domain-constants, not domain: an export loads this module, and shared/domain brings zod with its schemas
import { FONT_PROFILE_LABELS, FONT_PROFILES, type FontProfile } from '../../../shared/domain-constants';
import { FONT_PROFILES as PROFILE_FONTS, type Fonts } from '../export/docx/fonts';
import { fcListCache } from './fc-list-cache';

// Which fonts of each profile this machine has. On Windows the font files of the system folder and of the
// user's own folder (fonts installed without administrator rights go there) are read for their family names
// (the sfnt 'name' table, Chinese and English names alike); elsewhere fontconfig answers. Word silently
// substitutes a missing font, so the clerk is told before the document goes out.

/** Bounds: font files looked at, bytes read of one 'name' table, time for fc-list. */
const MAX_FONT_FILES = 4000;
const MAX_NAME_TABLE = 256 * 1024;
const FC_LIST_TIMEOUT_MS = 10_000;
/** Detection is a directory scan: done once a minute at most. */
const CACHE_MS = 60_000;

export interface FontCheck {
  font: string;
  /** What the font is for, in the clerk's words. */
  use: string;
  installed: boolean;
}

export interface ProfileFontStatus {
  profile: FontProfile;
  label: string;
  fonts: FontCheck[];
  missing: string[];
}

export interface FontStatus {
  /** How the fonts were found: 'windows' (font folders), 'fontconfig', or 'unknown' (nothing could be read). */
  method: 'windows' | 'fontconfig' | 'unknown';
  profiles: ProfileFontStatus[];
  /** The profile to choose: the first whose fonts are all installed, else the one missing fewest. */
  recommended: FontProfile;
}

const USES: Record<keyof Fonts, string> = { title: '标题、发文机关标志', body: '正文', heading1: '一级标题', heading2: '二级标题', pageNumber: '页码' };

/** Reads exactly `length` bytes at `offset`, or fewer at the end of the file. */
function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, offset);
  return buf.subarray(0, n);
}

/** Family names (name IDs 1 and 16) of the font at `offset` of an sfnt file, in every language it has. */
function namesAt(fd: number, offset: number, out: Set<string>): void {
  const head = readAt(fd, offset, 12);
  if (head.length < 12) return;
  const numTables = head.readUInt16BE(4);
  const dir = readAt(fd, offset + 12, numTables * 16);
  for (let i = 0; i + 16 <= dir.length; i += 16) {
    if (dir.toString('latin1', i, i + 4) !== 'name') continue;
    const tableOffset = dir.readUInt32BE(i + 8);
    const length = Math.min(dir.readUInt32BE(i + 12), MAX_NAME_TABLE);
    const t = readAt(fd, tableOffset, length);
    if (t.length < 6) return;
    const count = t.readUInt16BE(2);
    const storage = t.readUInt16BE(4);
    for (let r = 0; r < count && 6 + r * 12 + 12 <= t.length; r++) {
      const p = 6 + r * 12;
      const platform = t.readUInt16BE(p);
      const nameId = t.readUInt16BE(p + 6);
      const len = t.readUInt16BE(p + 8);
      const start = storage + t.readUInt16BE(p + 10);
      if ((nameId !== 1 && nameId !== 16) || start + len > t.length) continue;
      const raw = t.subarray(start, start + len);
      if (platform === 3 || platform === 0) {
        const swapped = Buffer.from(raw);
        swapped.swap16();
        out.add(swapped.toString('utf16le').trim());
      } else if (platform === 1 && t.readUInt16BE(p + 2) === 0) out.add(raw.toString('latin1').trim());
    }
    return;
  }
}

/** Family names in one .ttf/.otf/.ttc file; an unreadable file names nothing. */
export function fontFileFamilies(file: string): Set<string> {
  const out = new Set<string>();
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const head = readAt(fd, 0, 12);
    if (head.toString('latin1', 0, 4) === 'ttcf') {
      const n = Math.min(head.readUInt32BE(8), 64);
      const offsets = readAt(fd, 12, n * 4);
      for (let i = 0; i + 4 <= offsets.length; i += 4) namesAt(fd, offsets.readUInt32BE(i), out);
    } else namesAt(fd, 0, out);
  } catch {
    // a font file we cannot read is as good as absent
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
  return out;
}

/** The Windows font folders: the system's and the current user's. */
export function windowsFontDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = [path.win32.join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts')];
  if (env.LOCALAPPDATA) dirs.push(path.win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
  return dirs;
}

/** Family names of every font file in the folders, up to MAX_FONT_FILES files. */
export function familiesInDirs(dirs: string[]): Set<string> {
  const out = new Set<string>();
  let seen = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/\.(ttf|otf|ttc)$/iu.test(name)) continue;
      if (++seen > MAX_FONT_FILES) return out;
      for (const f of fontFileFamilies(path.join(dir, name))) out.add(f);
    }
  }
  return out;
}

const FC_LIST_ARGS = [':', 'family'];
/**
 * node:child_process when fc-list must run: loaded at the top, it (with net, dgram and streams) costs every export
 * a few milliseconds even when the kept answer (./fc-list-cache) makes the spawn unnecessary.
 */
const childProcess = () => process.getBuiltinModule('node:child_process');
const FC_LIST_OPTIONS = { encoding: 'utf8', timeout: FC_LIST_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 } as const;

function familiesOf(fcList: string): Set<string> {
  return new Set(fcList.split('\n').flatMap((l) => l.split(',')).map((f) => f.replace(/\\-/gu, '-').trim()).filter(Boolean));
}

function fontconfigFamilies(): Set<string> | null {
  const kept = fcListCache(FC_LIST_ARGS);
  const known = kept?.read();
  if (known !== undefined) return familiesOf(known);
  try {
    const stdout = childProcess().execFileSync('fc-list', FC_LIST_ARGS, { ...FC_LIST_OPTIONS, stdio: ['ignore', 'pipe', 'ignore'] });
    kept?.write(stdout);
    return familiesOf(stdout);
  } catch {
    return null;
  }
}

/** Compares names as Word would match them: case and spaces do not matter. */
const key = (name: string) => name.replace(/\s+/gu, '').toLowerCase();

export function statusFor(families: Set<string>, method: FontStatus['method']): FontStatus {
  const have = new Set([...families].map(key));
  const profiles = FONT_PROFILES.map((profile): ProfileFontStatus => {
    const fonts = PROFILE_FONTS[profile];
    const seen = new Set<string>();
    const checks: FontCheck[] = [];
    for (const slot of Object.keys(USES) as (keyof Fonts)[]) {
      const font = fonts[slot];
      if (seen.has(font)) {
        checks.find((c) => c.font === font)!.use += `、${USES[slot]}`;
        continue;
      }
      seen.add(font);
      checks.push({ font, use: USES[slot], installed: have.has(key(font)) });
    }
    return { profile, label: FONT_PROFILE_LABELS[profile], fonts: checks, missing: checks.filter((c) => !c.installed).map((c) => c.font) };
  });
  const complete = profiles.find((p) => p.missing.length === 0);
  const fewest = [...profiles].sort((a, b) => a.missing.length - b.missing.length)[0]!;
  return { method, profiles, recommended: (complete ?? fewest).profile };
}

/** What fc-list's families (null: fc-list could not be run) say of the profiles. */
const fontconfigStatus = (families: Set<string> | null) => (families ? statusFor(families, 'fontconfig') : statusFor(new Set(), 'unknown'));

let cache: { at: number; status: FontStatus } | null = null;

/** The fonts of every profile on this machine (cached for a minute). */
export function detectFonts(now = Date.now()): FontStatus {
  if (cache && now - cache.at < CACHE_MS) return cache.status;
  let status: FontStatus;
  if (os.platform() === 'win32') status = statusFor(familiesInDirs(windowsFontDirs()), 'windows');
  else {
    status = fontconfigStatus(fontconfigFamilies());
  }
  cache = { at: now, status };
  return status;
}

/**
 * detectFonts without blocking: an export starts it before building its document, so fc-list (tens of
 * milliseconds) runs in its own process meanwhile instead of after the build. Shares detectFonts' cache.
 */
export async function detectFontsAsync(now = Date.now()): Promise<FontStatus> {
  if ((cache && now - cache.at < CACHE_MS) || os.platform() === 'win32') return detectFonts(now);
  // fc-list's answer of an earlier process while the fonts are unchanged (./fc-list-cache), else fc-list itself
  const kept = fcListCache(FC_LIST_ARGS);
  const known = kept?.read();
  const families =
    known !== undefined
      ? familiesOf(known)
      : await new Promise<Set<string> | null>((resolve) => {
          childProcess().execFile('fc-list', FC_LIST_ARGS, FC_LIST_OPTIONS, (err, stdout) => {
            if (!err) kept?.write(stdout);
            resolve(err ? null : familiesOf(stdout));
          });
        });
  const status = fontconfigStatus(families);
  cache = { at: now, status };
  return status;
}

/** «未安装：方正小标宋简体 — Word 将用宋体代替», one line per missing font of the profile; none when detection failed. */
export function missingFontWarnings(status: FontStatus, profile: FontProfile): string[] {
  if (status.method === 'unknown') return [];
  const p = status.profiles.find((x) => x.profile === profile)!;
  return p.missing.map((font) => `未安装：${font} — Word 将用${font === '宋体' ? '其他字体' : '宋体'}代替${status.recommended !== profile ? `（本机建议选“${FONT_PROFILE_LABELS[status.recommended]}”）` : ''}`);
}
