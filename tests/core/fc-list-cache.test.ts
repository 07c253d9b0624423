import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fcListCache, fontconfigInputs, fontconfigStamp } from '../../electron/core/fonts/fc-list-cache';
import { tempDir } from '../helpers/tmp';

// fc-list's answer is kept between processes only while the font folders and the configuration are unchanged.
describe('the fc-list cache', () => {
  it('changes its stamp when a font is added in a sub-folder or the configuration changes', () => {
    const fonts = tempDir('fonts-');
    const sub = path.join(fonts, 'truetype', 'gb');
    fs.mkdirSync(sub, { recursive: true });
    const conf = path.join(tempDir('conf-'), 'fonts.conf');
    fs.writeFileSync(conf, '<fontconfig/>');
    const inputs = { dirs: [fonts, path.join(fonts, 'missing')], files: [conf] };
    const before = fontconfigStamp(inputs);
    expect(before).toBe(fontconfigStamp(inputs));
    fs.writeFileSync(path.join(sub, 'simfang.ttf'), 'x');
    fs.utimesSync(sub, new Date(), new Date(Date.now() + 5000)); // a coarse clock must not hide the change
    const added = fontconfigStamp(inputs);
    expect(added).not.toBe(before);
    fs.utimesSync(conf, new Date(), new Date(Date.now() + 10_000));
    expect(fontconfigStamp(inputs)).not.toBe(added);
  });

  it('returns the kept answer for the same fonts only, and nothing off Linux', () => {
    const env = { ...process.env, XDG_CACHE_HOME: tempDir('cache-') };
    const cache = fcListCache([':', 'family'], env, 'linux')!;
    expect(cache.read()).toBeUndefined();
    cache.write('宋体\nDejaVu Sans\n');
    expect(fcListCache([':', 'family'], env, 'linux')!.read()).toBe('宋体\nDejaVu Sans\n');
    expect(fcListCache([':'], env, 'linux')!.read()).toBeUndefined(); // other arguments, other answer
    expect(fcListCache([':', 'family'], { ...env, FONTCONFIG_FILE: '/nowhere/fonts.conf' }, 'linux')!.read()).toBeUndefined();
    expect(fcListCache([':', 'family'], env, 'win32')).toBeNull();
    expect(fontconfigInputs(env).dirs).toContain('/usr/share/fonts');
  });
});
