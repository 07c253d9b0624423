import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FONTS_CONF } from './pdf';

// Files made by a real office suite: LibreOffice converts a .docx the tests wrote into .doc or PDF (with its filter
// options, such as an opening password), the way units and OA systems produce them.

export function convertWith(soffice: string, input: Buffer, inputName: string, target: string): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-convert-'));
  try {
    const file = path.join(dir, inputName);
    fs.writeFileSync(file, input);
    execFileSync(soffice, [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', target, '--outdir', path.join(dir, 'out'), file], {
      env: { ...process.env, ...(fs.existsSync(FONTS_CONF) ? { FONTCONFIG_FILE: FONTS_CONF } : {}) },
      stdio: 'pipe',
      timeout: 240_000,
    });
    const out = fs.readdirSync(path.join(dir, 'out'));
    if (out.length !== 1) throw new Error(`LibreOffice did not convert ${inputName} to ${target}`);
    return fs.readFileSync(path.join(dir, 'out', out[0]!));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
