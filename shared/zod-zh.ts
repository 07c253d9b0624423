import { z } from 'zod';

// Every validation message a clerk can see is Chinese: zod's own zh-CN locale, with the common cases worded
// plainly («不能超过 200 个字» rather than «数值过大：期望 string <=200 字符»). Imported for its effect by
// shared/domain.ts, so the renderer, the core and the command line all get it; schemas that give their own
// message («不能为空») keep it.

const zhCN = z.locales.zhCN().localeError!;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  null: '空值',
  undefined: '未填写',
  bigint: '整数',
  date: '日期',
};

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

type Issue = Parameters<typeof zhCN>[0];

export function chineseIssue(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      const strict = issue.inclusive === false;
      if (issue.origin === 'string') return `不能超过 ${strict ? max - 1 : max} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${strict ? max - 1 : max} 项`;
      if (issue.origin === 'number' || issue.origin === 'bigint') return strict ? `应小于 ${max}` : `不能大于 ${max}`;
      break;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const strict = issue.inclusive === false;
      if (issue.origin === 'string') return min <= 1 && !strict ? '不能为空' : `至少 ${strict ? min + 1 : min} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少 ${strict ? min + 1 : min} 项`;
      if (issue.origin === 'number' || issue.origin === 'bigint') return strict ? `应大于 ${min}` : `不能小于 ${min}`;
      break;
    }
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `缺少此项（应为${expected}）`;
      return `应为${expected}，收到的是${TYPE_NAMES[typeOf(issue.input)] ?? typeOf(issue.input)}`;
    }
    case 'unrecognized_keys':
      return `不认识的字段：${issue.keys.join('、')}`;
    case 'invalid_value':
      return issue.values.length === 1 ? `应为 ${JSON.stringify(issue.values[0])}` : `应为以下之一：${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'not_multiple_of':
      return `应为 ${String(issue.divisor)} 的倍数`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_union':
      return '内容的形式不对';
    default:
      break;
  }
  return undefined;
}

z.config({
  localeError: (issue) => {
    const own = chineseIssue(issue as Issue);
    if (own) return own;
    const zh = zhCN(issue);
    return typeof zh === 'string' ? zh : (zh?.message ?? '输入不正确');
  },
});

/** Chinese names of the fields clerks fill in, for error messages that point at a field. */
export const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  name: '名称',
  type: '类型',
  kind: '类别',
  unitId: '提供单位',
  fieldId: '领域',
  sourceId: '来源经验',
  year: '年度',
  contactName: '联系人',
  contactPhone: '联系电话',
  honours: '荣誉',
  status: '状态',
  returnReason: '退回原因',
  lead: '导语',
  body: '正文',
  heading: '标题',
  text: '文字',
  paragraphs: '段落',
  items: '下级条目',
  origin: '原创新负责部门',
  reason: '理由',
  query: '检索词',
  ordinal: '批次号',
  circular: '通知',
  content: '内容',
  fileName: '文件名',
  base64: '文件内容',
  id: '编号',
  ids: '编号列表',
  caseIds: '案例列表',
  keys: '条目',
  fixes: '修改',
  note: '备注',
  expectedRevision: '版本号',
  revision: '版本号',
};

/** «正文 › 第 2 项 › 段落 › 第 1 项» for a zod issue path. */
export function pathLabel(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : (FIELD_LABELS[String(p)] ?? String(p)))).join(' › ');
}
