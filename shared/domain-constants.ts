// The enums of the case library and their labels, without zod: shared/domain.ts re-exports them with the
// schemas, and the command line's start (list, show) imports them from here so it does not load zod (issue 13).

export const UNIT_KINDS = ['city', 'area', 'department', 'other'] as const;
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  city: '市（地）', // full-width brackets, as the app's own checker demands of Chinese text
  area: '片区',
  department: '省直部门',
  other: '其他',
};
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CASE_TYPES = ['replication', 'innovation'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  replication: '复制推广典型案例',
  innovation: '创新实践案例',
};

export const CASE_STATUSES = ['draft', 'submitted', 'reviewing', 'selected', 'returned'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: '草稿',
  submitted: '已报送',
  reviewing: '审核中',
  selected: '已入选',
  returned: '退回',
};

export const HONOURS = ['provincial_excellent', 'national_best_practice'] as const;
export type Honour = (typeof HONOURS)[number];
export const HONOUR_LABELS: Record<Honour, string> = {
  provincial_excellent: '省级优秀案例',
  national_best_practice: '全国最佳实践案例',
};

export const SOURCE_KINDS = ['pilot', 'best_practice', 'other_ftz', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  pilot: '改革试点经验',
  best_practice: '最佳实践案例',
  other_ftz: '其他自贸试验区做法',
  other: '其他',
};

export const BATCH_KINDS = CASE_TYPES;
export type BatchKind = CaseType;
/** What a batch of each kind is called in its title: 第三批 + this. */
export const BATCH_KIND_TITLES: Record<BatchKind, string> = {
  replication: '复制推广自贸试验区制度创新成果典型案例',
  innovation: '省级创新实践案例',
};

export const BATCH_STATUSES = ['draft', 'issued'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
export const BATCH_STATUS_LABELS: Record<BatchStatus, string> = { draft: '草稿', issued: '已印发' };

export const LAYOUTS = ['letter', 'file'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const LAYOUT_LABELS: Record<Layout, string> = { letter: '信函格式（函）', file: '文件格式' };

export const FONT_PROFILES = ['gb', 'system'] as const;
export type FontProfile = (typeof FONT_PROFILES)[number];
export const FONT_PROFILE_LABELS: Record<FontProfile, string> = { gb: '国标字体', system: '系统字体' };
/** The settings' default font profile (DEFAULT_SETTINGS in ./domain), here for the readers that load no zod. */
export const DEFAULT_FONT_PROFILE: FontProfile = 'gb';

// The proofreader (规范检查): what it finds and how a safe fix is described.
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/**
 * How many of a search's best hits come with their snippet, and how many snippets the library may ask for in one
 * call afterwards (`search.snippets`): the snippet needs the case's whole text from SQLite's overflow pages.
 */
export const SEARCH_SNIPPETS = 100;
