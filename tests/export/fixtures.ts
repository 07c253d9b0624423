import { estimateCircular, type ColophonPlacement } from '../../electron/core/export/docx/pagination';
import { createBatch, getBatch, setBatchItems } from '../../electron/core/repos/batches';
import { listCases } from '../../electron/core/repos/cases';
import type { Db } from '../../electron/core/db/connection';
import type { BatchDetail } from '../../shared/domain';

/** A draft batch with every field of the circular filled, built from three demo cases. */
export function fullDraftBatch(db: Db): BatchDetail {
  const ids = listCases(db).slice(0, 3).map((c) => c.id);
  const batch = createBatch(db, {
    kind: 'replication',
    ordinal: 4,
    circular: { docYear: 2024, docSeq: 12, date: '2024-05-08', cc: '省委办公厅，省政府办公厅', printedDate: '2024-05-09', body: ['第一段正文。', '第二段正文。'] },
  });
  setBatchItems(db, batch.id, ids);
  return getBatch(db, batch.id);
}

const EXTRA_BODY = '为进一步发挥典型带动作用，积极推动创新实践案例落地见效，各地各部门要结合实际认真学习借鉴，切实抓好推广应用。';
const EXTRA_LINE = '一行的补充说明文字。';

/** The circular with `n` more paragraphs of body text (a longer main text moves the attachment on). */
export const withMoreBody = (b: BatchDetail, n: number): BatchDetail => ({ ...b, circular: { ...b.circular, body: [...b.circular.body, ...Array<string>(n).fill(EXTRA_BODY)] } });

/** The last case with `n` one-line paragraphs more at its end (fills its last page). */
export const withLongerLastCase = (b: BatchDetail, n: number): BatchDetail => ({
  ...b,
  items: b.items.map((it, i) =>
    i < b.items.length - 1
      ? it
      : { ...it, case: { ...it.case, body: it.case.body.map((node, k) => (k < it.case.body.length - 1 ? node : { ...node, paragraphs: [...node.paragraphs, ...Array<string>(n).fill(EXTRA_LINE)] })) } },
  ),
});

/**
 * A circular grown until the page estimate puts its 版记 as asked: text ending on an even page with room below
 * ('below'), or an even page filled to its foot, so that a blank page comes before the 版记 ('after-blank').
 */
export function grownTo(b: BatchDetail, placement: ColophonPlacement): BatchDetail {
  const placed = (x: BatchDetail) => estimateCircular(x).colophon?.placement;
  let even = b;
  for (let n = 1; placed(even) !== 'below' && n <= 40; n++) even = withMoreBody(b, n);
  if (placement === 'below' || placed(even) !== 'below') return even;
  let full = even;
  for (let n = 1; placed(full) !== placement && n <= 40; n++) full = withLongerLastCase(even, n);
  return full;
}
