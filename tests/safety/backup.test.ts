import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { backupDirOf, createBackup, dailyBackupIfDue, KEEP_BACKUPS, listBackups } from '../../electron/core/backup/backups';
import { recoverDatabase } from '../../electron/core/backup/recovery';
import { openCasebook } from '../../electron/core/casebook';
import { DatabaseCorruptError, openDatabase } from '../../electron/core/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/core/db/migrations';
import { writeFileAtomic } from '../../electron/core/export/service';
import { listCases } from '../../electron/core/repos/cases';
import { runCli } from '../../electron/cli/main';
import { tempDir } from '../helpers/tmp';

const host = { transport: 'http' as const, version: 't', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} };

/** Overwrites a stretch of pages in the middle of the file, as a failing disk would. */
function damage(file: string): Buffer {
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16 * 4096, 0xa5), 0, 16 * 4096, 8 * 4096);
  fs.closeSync(fd);
  return fs.readFileSync(file);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('automatic backups', () => {
  it('one a day, one before every migration, the newest KEEP_BACKUPS kept', () => {
    const file = path.join(tempDir(), 'casebook.db');
    const book = openCasebook(file, { dailyBackup: true });
    expect(listBackups(file).map((b) => b.reason)).toEqual(['daily']);
    expect(dailyBackupIfDue(book.db, file)).toBeNull(); // the same day: no second copy
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(dailyBackupIfDue(book.db, file, tomorrow)?.reason).toBe('daily');
    for (let i = 0; i < KEEP_BACKUPS + 3; i++) createBackup(book.db, file, 'manual', { now: new Date(Date.now() + 2 * 86_400_000 + i * 1000) });
    expect(listBackups(file)).toHaveLength(KEEP_BACKUPS);
    expect(listBackups(file).every((b) => b.reason === 'manual')).toBe(true); // the oldest went first
    book.close();

    const next: Migration = { version: LATEST_SCHEMA_VERSION + 1, name: 'test', up: (db) => db.exec('CREATE TABLE t_next (x)') };
    const upgraded = openDatabase(file, { migrations: [...MIGRATIONS, next] });
    expect(path.dirname(upgraded.backupPath!)).toBe(backupDirOf(file));
    expect(listBackups(file).find((b) => b.file === upgraded.backupPath)?.reason).toBe('migration'); // kept though its clock is behind
    expect(listBackups(file)).toHaveLength(KEEP_BACKUPS);
    const copy = new Database(upgraded.backupPath!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    copy.close();
    upgraded.db.close();
  });

  it('restores from 设置 while the app runs, keeping the state before as a backup of its own', async () => {
    const file = path.join(tempDir(), 'casebook.db');
    const book = openCasebook(file);
    const handlers = createHandlers({ db: book.db, dbFile: file, host });
    const made = await dispatch(handlers, 'backup.create', {});
    expect(made).toMatchObject({ ok: true, value: { reason: 'manual' } });
    const name = (made as { value: { name: string } }).value.name;
    await dispatch(handlers, 'cases.delete', { id: 1 });
    book.db.prepare('DELETE FROM batch_items').run();
    expect(listCases(book.db).length).toBe(27);

    // a path, or a name outside the folder, is refused before anything happens
    for (const bad of ['../casebook.db', '/etc/passwd', 'C:\\x.db']) expect((await dispatch(handlers, 'backup.restore', { name: bad })).ok).toBe(false);
    const restored = await dispatch(handlers, 'backup.restore', { name });
    expect(restored).toMatchObject({ ok: true, value: { restored: { name }, keptAs: { reason: 'restore' } } });
    expect(listCases(book.db).length).toBe(28); // the open connection reads the restored pages
    expect(book.db.prepare('SELECT COUNT(*) FROM batch_items').pluck().get()).toBe(28);
    expect(book.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const list = await dispatch(handlers, 'backup.list', {});
    expect((list as { value: { backups: { reason: string }[] } }).value.backups.map((b) => b.reason)).toEqual(['restore', 'manual']);
    book.close();
  });
});

describe('a damaged database file', () => {
  it('is recognised at open with a Chinese report, and left exactly as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, 'casebook.db');
    openCasebook(file).close();
    const bytes = damage(file);
    expect(() => openCasebook(file)).toThrow(DatabaseCorruptError);
    expect(() => openCasebook(file)).toThrow(/数据库文件已损坏或无法读取/u);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    // not a database at all
    const text = path.join(dir, 'notes.db');
    fs.writeFileSync(text, '这不是数据库'.repeat(1000));
    expect(() => openCasebook(text)).toThrow(/不是数据库文件|已损坏/u);
  });

  it('restores the newest sound backup or starts fresh, the damaged file kept aside byte for byte', () => {
    const file = path.join(tempDir(), 'casebook.db');
    const book = openCasebook(file);
    createBackup(book.db, file, 'daily');
    book.db.prepare(`UPDATE cases SET title = '备份之后的修改' WHERE id = 2`).run();
    book.close();
    const damaged = damage(file);

    const restored = recoverDatabase(file, 'restore-newest');
    expect(fs.readFileSync(restored.damagedKeptAt!).equals(damaged)).toBe(true);
    const again = openCasebook(file);
    expect(listCases(again.db)).toHaveLength(28);
    again.close();

    damage(file);
    const fresh = recoverDatabase(file, 'fresh');
    expect(fs.existsSync(fresh.damagedKeptAt!)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    const empty = openCasebook(file, { seed: false });
    expect(listCases(empty.db)).toHaveLength(0);
    empty.close();
  });

  it('on the command line: the report names the commands, and backup / restore work', async () => {
    const file = path.join(tempDir(), 'casebook.db');
    expect((await cli(['--db', file, 'backup'])).code).toBe(0);
    const listed = await cli(['--db', file, 'backup', '--list', '--json']);
    const [only] = (JSON.parse(listed.out) as { backups: { file: string }[] }).backups;
    damage(file);
    const report = await cli(['--db', file, 'list', 'batches']);
    expect(report.code).toBe(1);
    expect(report.err).toContain('数据库文件无法打开');
    expect(report.err).toContain('restore --newest');
    const restore = await cli(['--db', file, 'restore', only!.file]);
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('原文件已改名保留');
    expect((await cli(['--db', file, 'list', 'batches'])).out).toContain('黑自贸工办函〔2023〕55号');
  });
});

describe('temporary files of a killed export', () => {
  it('are removed beside the target on the next export; a live writer\'s are left', () => {
    const dir = tempDir();
    const dead = path.join(dir, '.汇总表.xlsx.999999.tmp'); // no such process
    const live = path.join(dir, `.汇总表.xlsx.${process.ppid}.tmp`);
    const foreign = path.join(dir, '.other-program.txt.999999.tmp'); // not ours: left alone
    fs.writeFileSync(dead, 'half');
    fs.writeFileSync(live, 'in progress');
    fs.writeFileSync(foreign, 'theirs');
    writeFileAtomic(path.join(dir, '通知.docx'), Buffer.from('bytes'));
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(live)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual([path.basename(foreign), path.basename(live), '通知.docx'].sort());
  });
});
