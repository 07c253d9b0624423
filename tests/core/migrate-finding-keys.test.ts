import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { moveSharedSectionWaivers } from '../../electron/core/db/migrate-finding-keys';
import { tempCasebook } from '../helpers/tmp';

// Migration 5's data step (it fetches node:crypto only when it runs, so that every start does not load it):
// a waiver of the former shared «缺少…部分» key becomes a waiver of each section's own key.
const sha16 = (fields: (string | number)[]) => createHash('sha1').update(fields.join('|')).digest('hex').slice(0, 16);

describe('migration 5: waivers of the shared section key', () => {
  it('become waivers of every section key of the same case, with the reason kept', () => {
    const book = tempCasebook();
    const { db } = book;
    const item = db.prepare('SELECT i.batch_id, i.case_id, i.seq, c.title FROM batch_items i JOIN cases c ON c.id = i.case_id ORDER BY i.seq LIMIT 1').get() as {
      batch_id: number;
      case_id: number;
      seq: number;
      title: string;
    };
    const base = ['required-section', item.case_id, item.seq, 'title', '', '', '', item.title.slice(0, 30)];
    db.prepare('DELETE FROM proofread_waivers').run();
    db.prepare('INSERT INTO proofread_waivers (batch_id, finding_key, reason, created_at) VALUES (?, ?, ?, ?)').run(item.batch_id, sha16(base), '已核实', '2024-01-01T00:00:00Z');
    moveSharedSectionWaivers(db);
    const rows = db.prepare('SELECT finding_key, reason FROM proofread_waivers WHERE batch_id = ?').all(item.batch_id) as { finding_key: string; reason: string }[];
    expect(rows.map((r) => r.finding_key)).not.toContain(sha16(base));
    expect(rows.map((r) => r.finding_key).sort()).toEqual(
      ['复制推广事项介绍', '主要做法', '实践效果', '下一步工作思路', '基本情况'].map((s) => sha16([...base, s])).sort(),
    );
    expect(new Set(rows.map((r) => r.reason))).toEqual(new Set(['已核实']));
    book.close();
  });
});
