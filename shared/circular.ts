// the constant from domain-constants: an export loads this module, and ./domain brings zod (issue 13)
import { BATCH_KIND_TITLES } from './domain-constants';
import type { BatchKind, Circular, Settings, Unit } from './domain';
import { toChineseNumeral } from './numerals';

// The standard wording of a batch and its circular, drafted from the batch and then the clerk's to edit.

export function batchTitle(kind: BatchKind, ordinal: number): string {
  return `第${toChineseNumeral(ordinal)}批${BATCH_KIND_TITLES[kind]}`;
}

export function circularTitle(title: string): string {
  return `关于印发我省${title}的通知`;
}

const stripSuffix = (name: string, suffix: RegExp) => name.replace(suffix, '');

/** «大庆、伊春等市（地）及我省自贸试验区哈尔滨、黑河片区»: the units of a batch in official order. */
export function unitPhrase(units: readonly Pick<Unit, 'name' | 'kind'>[]): string {
  const cities = units.filter((u) => u.kind === 'city').map((u) => stripSuffix(u.name, /(市|地区)$/u));
  const areas = units.filter((u) => u.kind === 'area').map((u) => stripSuffix(u.name, /片区$/u));
  const others = units.filter((u) => u.kind === 'department' || u.kind === 'other').map((u) => u.name);
  const parts: string[] = [];
  if (cities.length) parts.push(`${cities.join('、')}${cities.length > 1 ? '等' : ''}市（地）`);
  if (others.length) parts.push(`${others.join('、')}${others.length > 1 ? '等' : ''}省直部门`);
  if (areas.length) parts.push(`我省自贸试验区${areas.join('、')}片区`);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join('、')}及${parts[parts.length - 1]}`;
}

/**
 * The sentences of the circular's present opening paragraph that carry figures («…共形成了302项国家级制度创新
 * 成果…»): a redraft keeps them after its standard opening rather than dropping what the clerk or the source had.
 */
function openingFigures(current: readonly string[], opening: string): string {
  const first = current[0] ?? '';
  const sentences = first.match(/[^。！？]+[。！？]?/gu) ?? [];
  return sentences.filter((s) => /\d/u.test(s) && !opening.includes(s.trim())).map((s) => s.trim()).join('');
}

export function draftCircularBody(kind: BatchKind, ordinal: number, count: number, units: readonly Pick<Unit, 'name' | 'kind'>[], current: readonly string[] = []): string[] {
  const what = kind === 'replication' ? '复制推广效果较好的事项' : '制度创新实践成果';
  const n = toChineseNumeral(ordinal);
  const title = BATCH_KIND_TITLES[kind];
  const opening = '建设自由贸易试验区是党中央、国务院在新时代推进改革开放的一项战略举措，肩负着为全面深化改革和扩大开放探索新途径、积累新经验的重大使命。';
  return [
    opening + openingFigures(current, opening),
    `按照省委省政府部署要求，为进一步发挥典型带动作用，积极推动${kind === 'replication' ? '复制推广事项落地见效' : '制度创新成果复制推广'}，省自贸办总结梳理了${unitPhrase(units) || '各地各部门'}报送的${what}，形成了我省第${n}批${count}项${title}，现印发全省各市（地）、各部门学习借鉴。`,
  ];
}

export function defaultCircular(settings: Settings, title: string, docYear: number, docSeq: number | null): Circular {
  return {
    organ: settings.organ,
    docCode: settings.docCode,
    docYear,
    docSeq,
    title: circularTitle(title),
    addressees: settings.addressees,
    body: [],
    attachmentNote: title,
    signature: settings.organ,
    date: null,
    cc: settings.cc,
    printedBy: settings.printedBy,
    printedDate: null,
    layout: settings.layout,
  };
}

/** 2023-06-05 → 2023年6月5日 (GB/T 9704: Arabic numerals, full year, no leading zeros). */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
