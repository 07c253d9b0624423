import type { Database } from 'better-sqlite3';

// Migration 5's data step. Before it, every «缺少“…”部分» finding of a case had one key (rule, case, title), so a
// waiver of one named them all. Now each carries its section name. A stored waiver of the shared key becomes a
// waiver of each section's own key, so nothing the clerk waived reappears. The key recipe is copied here, frozen,
// so that later changes to the proofreader cannot change what this migration did.

// node:crypto is fetched when the migration runs (an old file), not imported: every start loads this module.
const sha16 = (fields: (string | number)[]) =>
  process.getBuiltinModule('node:crypto').createHash('sha1').update(fields.join('|')).digest('hex').slice(0, 16);

/** The section names as they stood when this migration was written (used when the office never changed them). */
const TEMPLATES_AT_V5: Record<string, string[]> = {
  replication: ['复制推广事项介绍', '主要做法', '实践效果', '下一步工作思路'],
  innovation: ['基本情况', '主要做法', '实践效果', '下一步工作思路'],
};

export function moveSharedSectionWaivers(db: Database): void {
  const waivers = db.prepare('SELECT batch_id, finding_key, reason, created_at FROM proofread_waivers').all() as {
    batch_id: number;
    finding_key: string;
    reason: string;
    created_at: string;
  }[];
  if (!waivers.length) return;
  const stored = db.prepare(`SELECT value FROM settings WHERE key = 'sectionTemplates'`).get() as { value: string } | undefined;
  let templates = TEMPLATES_AT_V5;
  try {
    if (stored) templates = { ...TEMPLATES_AT_V5, ...(JSON.parse(stored.value) as Record<string, string[]>) };
  } catch {
    // an unreadable setting: the defaults stand, as the app itself does
  }
  const sections = [...new Set(Object.values(templates).flat())];
  const items = db.prepare(
    `SELECT i.case_id, i.seq, COALESCE(json_extract(i.snapshot, '$.title'), c.title) AS title
     FROM batch_items i JOIN cases c ON c.id = i.case_id WHERE i.batch_id = ?`,
  );
  const insert = db.prepare('INSERT OR IGNORE INTO proofread_waivers (batch_id, finding_key, reason, created_at) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM proofread_waivers WHERE batch_id = ? AND finding_key = ?');
  const byBatch = new Map<number, typeof waivers>();
  for (const w of waivers) byBatch.set(w.batch_id, [...(byBatch.get(w.batch_id) ?? []), w]);
  for (const [batchId, list] of byBatch) {
    const keys = new Map(list.map((w) => [w.finding_key, w]));
    for (const item of items.all(batchId) as { case_id: number; seq: number; title: string }[]) {
      const base = ['required-section', item.case_id, item.seq, 'title', '', '', '', item.title.slice(0, 30)];
      const w = keys.get(sha16(base));
      if (!w) continue;
      for (const section of sections) insert.run(batchId, sha16([...base, section]), w.reason, w.created_at);
      remove.run(batchId, w.finding_key);
    }
  }
}
