import type { BodyNode, CaseContent } from '../../shared/domain';

// The lengths the contract accepts (shared/domain.ts caseContentSchema and bodyNodeSchema), shown in the form
// before saving so a clerk sees a limit where she types instead of an error afterwards. tests/unit/limits.test.ts
// holds these to the schema.
export const CASE_LIMITS = {
  title: 200,
  contactName: 50,
  contactPhone: 50,
  returnReason: 2000,
  heading: 500,
  paragraph: 20000,
} as const;

/** Show the counter once a text is this share of its limit (short fields always show theirs). */
export const COUNT_FROM = 0.8;

/** antd's `count` for an input: the limit is marked, not enforced by truncation, so nothing pasted is cut. */
export function countOf(max: number, value: string, always = false) {
  return { max, show: always || value.length >= max * COUNT_FROM };
}

/** The first text of a case over its limit, as a Chinese message; null when everything fits. */
export function overLimit(c: CaseContent): string | null {
  const check = (what: string, text: string, max: number) => (text.length > max ? `${what}最多 ${max} 字，现有 ${text.length} 字` : null);
  const first =
    check('案例名称', c.title, CASE_LIMITS.title) ??
    check('联系人', c.contactName, CASE_LIMITS.contactName) ??
    check('电话', c.contactPhone, CASE_LIMITS.contactPhone) ??
    check('退回理由', c.returnReason, CASE_LIMITS.returnReason) ??
    c.lead.map((p, i) => check(`导语第${i + 1}段`, p, CASE_LIMITS.paragraph)).find(Boolean) ??
    null;
  if (first) return first;
  const walk = (nodes: BodyNode[], depth: number): string | null => {
    for (const [i, n] of nodes.entries()) {
      const where = `第${depth}级第${i + 1}个条目`;
      const hit =
        check(`${where}的标题`, n.heading, CASE_LIMITS.heading) ??
        check(`${where}标题后的文字`, n.text, CASE_LIMITS.paragraph) ??
        n.paragraphs.map((p, j) => check(`${where}第${j + 1}段`, p, CASE_LIMITS.paragraph)).find(Boolean) ??
        walk(n.items, depth + 1);
      if (hit) return hit;
    }
    return null;
  };
  return walk(c.body, 1);
}
