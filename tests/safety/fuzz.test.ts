import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API_NAMES, type ApiName } from '../../shared/contract';
import { dispatch } from '../../electron/core/api/dispatch';
import { createHandlers } from '../../electron/core/api/handlers';
import { contentOf, getCase } from '../../electron/core/repos/cases';
import { tempCasebook, tempDir } from '../helpers/tmp';
import { dbChecksum, totalChanges } from './db-checksum';

// The contract under fuzz: well over 10,000 malformed payloads, spread over every method, straight into the one
// dispatch every transport uses. Nothing may escape as an exception, every refusal is a Chinese message, and a
// refused call leaves every row of the database as it was.

function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = prng(20261201);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const deep = (n: number): unknown => {
  let v: unknown = { heading: '深', text: '', paragraphs: [], items: [] };
  for (let i = 0; i < n; i++) v = { heading: '深', text: '', paragraphs: [], items: [v] };
  return [v];
};
const cyclic = () => {
  const o: Record<string, unknown> = { id: 1 };
  o.self = o;
  return o;
};
const throwing = () =>
  Object.defineProperty({}, 'id', {
    enumerable: true,
    get() {
      throw new Error('getter exploded');
    },
  });
const hostileProxy = () => new Proxy({}, { get: () => { throw new Error('proxy exploded'); }, ownKeys: () => { throw new Error('proxy keys'); } });

const STRINGS = ['', ' ', '\u0000', '%E0%A4%A', '../../etc/passwd', 'C:\\Windows\\win.ini', '<script>alert(1)</script>', "'; DROP TABLE cases; --", '\ud800', '汉'.repeat(5000), 'a'.repeat(300), '案例', 'null', '1', '-1', '__proto__', 'x.db', '../casebook.db'];
const NUMBERS = [0, -1, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53), Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e308, 99999999, 1990, 2101];

function randomValue(depth = 0): unknown {
  const r = rand();
  if (depth > 3 || r < 0.3) {
    return pick<() => unknown>([
      () => null,
      () => undefined,
      () => rand() < 0.5,
      () => pick(NUMBERS),
      () => pick(STRINGS),
      () => BigInt(7),
      () => Symbol('s'),
      () => () => 1,
      () => new Date(0),
      () => Buffer.from('buffer'),
    ])();
  }
  if (r < 0.45) return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(depth + 1));
  if (r < 0.6) return Object.fromEntries(Array.from({ length: Math.floor(rand() * 4) }, () => [pick(['id', 'x', '__proto__', 'constructor', 'title', 'body', 'items']), randomValue(depth + 1)]));
  if (r < 0.7) return pick([cyclic, throwing, hostileProxy])();
  if (r < 0.75) return deep(50 + Math.floor(rand() * 2000));
  return pick(NUMBERS);
}

const keysOf = (schema: z.ZodType): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
};

/** Sets a random place in a JSON-like value to a random (usually wrong) value. */
function mutate(value: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (let i = 0; i < 6; i++) {
    const keys = Object.keys(node);
    if (!keys.length) break;
    const k = pick(keys);
    const child = node[k];
    if (child && typeof child === 'object' && rand() < 0.6) node = child as Record<string, unknown>;
    else {
      node[k] = randomValue(1);
      return copy;
    }
  }
  node[pick(['extra', 'title', 'id'])] = randomValue(1);
  return copy;
}

describe('the contract under fuzz', () => {
  it('refuses 10,000+ malformed payloads on every method with Chinese errors and the database unchanged', async () => {
    const book = tempCasebook();
    const { db } = book;
    const exportDir = tempDir('fuzz-exports-');
    const handlers = createHandlers({
      db,
      dbFile: book.file,
      host: { transport: 'http', version: 'fuzz', chooseSavePath: async () => null, downloadUrl: () => null, openPath: async () => {}, showInFolder: async () => {} },
    });
    // valid inputs for the methods that take a structure, mutated below
    const content = contentOf(getCase(db, 1));
    const samples: Partial<Record<ApiName, unknown>> = {
      'cases.create': content,
      'cases.update': { id: 1, content, expectedRevision: 0 },
      'proofread.case': { content, caseId: 1 },
      'batches.update': { id: 1, title: '标题', circular: { title: '标题' } },
      'batches.create': { kind: 'replication', ordinal: 50, caseIds: [1, 2] },
      'proofread.applyFixes': { caseId: 1, fixes: [{ path: 'title', offset: 0, length: 1, replacement: 'x' }] },
      'settings.update': { organ: '机关' },
      'import.file': { fileName: 'a.txt', base64: Buffer.from('文本').toString('base64') },
      'backup.restore': { name: 'casebook-20260101-000000-000-daily.db' },
      'search.query': { query: '退税', limit: 5 },
      'search.snippets': { query: '退税', caseIds: [1, 2] },
      // the register's and the newsletter's methods (issues 11 and 12), so that mutations reach their nested fields
      'register.saveExperience': { name: '经验', kind: 'pilot', batchNo: 1, area: '', origin: '', year: 2020, sourceDoc: '', note: '' },
      'register.importCatalogue': { fileName: 'a.csv', base64: Buffer.from('名称\n经验\n').toString('base64'), acceptGoodRows: false },
      'register.setReplications': { cells: [{ unitId: 1, experienceId: 1, status: 'copied', date: '2024-01-01' }] },
      'register.addLevel': { caseId: 1, level: 'area', awardedBy: '', date: '2024-01-01', docNumber: '', note: '' },
      'register.crossTable': { rows: 'unit', cols: 'year', from: '2020-01-01', to: '2024-12-31' },
      'register.confirmProposals': { items: [{ caseId: 1, experienceId: 1 }] },
      'newsletters.create': { number: 9, date: '2024-10-15', sections: [{ name: '栏目', items: [{ title: '标题', paragraphs: ['正文。'], parts: [{ heading: '小标题', paragraphs: ['正文。'] }] }] }] },
      'newsletters.update': { id: 1, number: 9, date: '2024-10-15', sections: [] },
      'newsletters.import': { fileName: 'a.txt', base64: Buffer.from('第9期\n2024年10月15日\n一、栏目\n（一）标题\n正文。').toString('base64') },
      'newsletters.itemFromText': { text: '标题\n正文。' },
    };

    let checksum = dbChecksum(db);
    let changes = totalChanges(db);
    let stale = false;
    let refused = 0;
    let accepted = 0;
    const perMethod = Object.fromEntries(API_NAMES.map((n) => [n, 0])) as Record<ApiName, number>;
    const escaped: string[] = [];
    const notChinese: string[] = [];
    const changedBy: string[] = [];
    const CALLS = 12_000;
    for (let i = 0; i < CALLS; i++) {
      const name = API_NAMES[i % API_NAMES.length]!;
      const strategy = rand();
      const sample = samples[name];
      const payload =
        strategy < 0.3 ? randomValue() : sample !== undefined && strategy < 0.7 ? mutate(sample) : Object.fromEntries(keysOf(API[name].input).filter(() => rand() < 0.7).map((k) => [k, randomValue(1)]));
      let envelope: Awaited<ReturnType<typeof dispatch>>;
      try {
        envelope = await dispatch(handlers, name, payload);
      } catch (err) {
        escaped.push(`${name}: ${String(err)}`);
        continue;
      }
      perMethod[name]++;
      if (envelope.ok) {
        // a mutation that happened to be valid: the call may write; take the new state as the baseline
        accepted++;
        stale = true;
        changes = totalChanges(db);
        continue;
      }
      refused++;
      if (!/\p{Script=Han}/u.test(envelope.error.message)) notChinese.push(`${name}: ${envelope.error.message}`);
      if (totalChanges(db) !== changes || db.inTransaction) changedBy.push(`${name} ${JSON.stringify(envelope.error)}`);
      if (refused % 500 === 0) {
        // every row compared, not only the change counter (the first check after an accepted call re-baselines)
        if (!stale && dbChecksum(db) !== checksum) changedBy.push(`checksum after ${name}`);
        if (stale) (checksum = dbChecksum(db)), (stale = false);
      }
    }
    expect(escaped).toEqual([]);
    expect(notChinese.slice(0, 5)).toEqual([]);
    expect(changedBy.slice(0, 5)).toEqual([]);
    if (!stale) expect(dbChecksum(db)).toBe(checksum);
    expect(refused).toBeGreaterThanOrEqual(10_000);
    expect(Math.min(...Object.values(perMethod))).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(CALLS / 6); // the list methods take {}, and undefined means {}
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(path.dirname(book.file)).not.toBe(exportDir);
    book.close();
  });
});
