import type { UnitKind } from '../shared/domain';

// The vocabularies a new database starts with, in the office's official order (editable in 设置).
// Cities first, then the FTZ areas, as the seed circular lists them.
export const DEFAULT_UNITS: readonly { name: string; kind: UnitKind }[] = [
  { name: '哈尔滨市', kind: 'city' },
  { name: '齐齐哈尔市', kind: 'city' },
  { name: '牡丹江市', kind: 'city' },
  { name: '佳木斯市', kind: 'city' },
  { name: '大庆市', kind: 'city' },
  { name: '伊春市', kind: 'city' },
  { name: '鸡西市', kind: 'city' },
  { name: '双鸭山市', kind: 'city' },
  { name: '七台河市', kind: 'city' },
  { name: '鹤岗市', kind: 'city' },
  { name: '黑河市', kind: 'city' },
  { name: '绥化市', kind: 'city' },
  { name: '大兴安岭地区', kind: 'city' },
  { name: '哈尔滨片区', kind: 'area' },
  { name: '黑河片区', kind: 'area' },
  { name: '绥芬河片区', kind: 'area' },
];

// Seed 000 groups cases by the first six; seed 004 also uses the last two.
export const DEFAULT_FIELDS: readonly string[] = [
  '政府职能转变',
  '贸易转型升级',
  '金融开放创新',
  '法律服务建设',
  '知识产权保护',
  '人才服务创新',
  '投资自由化',
  '贸易便利化',
];
