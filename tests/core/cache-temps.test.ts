import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSegmentStore } from '../../electron/core/export/segment-store';
import { CACHE_TEMP_MAX_AGE_MS, writeCacheFile } from '../../electron/core/orphan-temps';
import { tempDir } from '../helpers/tmp';

// A cache write (fc-list.json, title-segments.json in userCacheDir) killed between its write and its rename left
// `.NAME.PID.tmp` in the cache folder for good: the orphan cleanup looked only at exports, documents and backups.
// The next cache write now clears the folder's leftovers by the same rules: our names only, the writer gone, or
// (its process number reused since) older than any cache write takes.

/** The number of a process that has surely ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('temporary files of a killed cache write', () => {
  it('are removed by the next cache write; a live writer\'s fresh one and other names are left', () => {
    const dir = tempDir();
    const dead = path.join(dir, `.fc-list.json.${deadPid()}.tmp`);
    const stale = path.join(dir, `.title-segments.json.${process.ppid}.tmp`); // a live number, but an hour old
    const live = path.join(dir, `.fc-list.json.${process.ppid}.tmp`); // being written now
    const other = path.join(dir, `.notes.txt.${deadPid()}.tmp`); // not a cache file's name
    const plain = path.join(dir, 'fc-list.json.123.tmp'); // not our pattern (no leading dot)
    for (const f of [dead, stale, live, other, plain]) fs.writeFileSync(f, 'half');
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    fs.utimesSync(stale, hourAgo, hourAgo);
    expect(CACHE_TEMP_MAX_AGE_MS).toBeLessThan(60 * 60_000);

    expect(writeCacheFile(path.join(dir, 'fc-list.json'), '{}')).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['fc-list.json', ...[live, other, plain].map((f) => path.basename(f))].sort());
  });

  it('are removed when the title store saves (the cache writer the exports use)', () => {
    const dir = tempDir();
    const dead = path.join(dir, `.title-segments.json.${deadPid()}.tmp`);
    fs.writeFileSync(dead, '{"version":');
    const store = fileSegmentStore(path.join(dir, 'title-segments.json'));
    store.set('自贸试验区', [3, 5]);
    store.save();
    expect(fs.readdirSync(dir)).toEqual(['title-segments.json']);
    expect(fileSegmentStore(path.join(dir, 'title-segments.json')).get('自贸试验区')).toEqual([3, 5]);
  });
});
