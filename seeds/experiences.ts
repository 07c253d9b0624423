import type { ExperienceKind } from '../shared/register';

// The experiences seed 003 (哈尔滨“三区一港”联动发展方案，征求意见稿) describes for replication, each with its
// «原创新负责部门（单位）» and the task heading it sits under. Loaded into the demo's catalogue; the batches
// the demo circular's cases name (seed 001) come in with the circular itself.
const SOURCE_DOC = '自贸区哈尔滨片区（新区）、哈尔滨综合保税区、哈尔滨临空经济区、哈尔滨内陆港联动发展方案（征求意见稿）';

const rows: [area: string, name: string, origin: string][] = [
  ['贸易便利化', '区外保税展示交易模式', '海关总署'],
  ['贸易便利化', '冰鲜水产品两段准入监管模式', '海关总署'],
  ['贸易便利化', '跨境电商管理新模式', '广州海关、深圳海关'],
  ['贸易便利化', '跨境电商零售进口正面监管模式', '郑州海关'],
  ['贸易便利化', '中欧班列集拼集运模式', '四川自贸试验区'],
  ['贸易便利化', '跨境电商零售进口退货中心仓模式', '海关总署、商务部'],
  ['贸易便利化', '跨境电商线上综合服务平台“9610”“1210”等模式', ''],
  ['投资便利化', '“无申请、无纸化、免填单、批量办”简化退税流程', '湖北自贸试验区襄阳片区'],
  ['投资便利化', '“税邮合作”', '广东自贸试验区前海蛇口自贸片区'],
  ['金融创新', '“自贸通”综合金融服务', '四川自贸试验区成都天府新区片区'],
  ['金融创新', '“企银保”创新跨境电商出口供应链金融服务', '广东自贸试验区'],
  ['金融创新', '“信易贷”', '国家发展改革委、银保监会'],
  ['金融创新', '“铁银通”', '四川自贸试验区'],
  ['政府服务', '一码集成服务', '河南自由贸易试验区'],
  ['政府服务', '企业送达信息共享机制', '最高人民法院、国家市场监管总局'],
  ['政府服务', '知识产权保护平台', '前海蛇口自贸片区'],
  ['政府服务', '信用税收征管纳服体系', '广东自贸试验区'],
];

/** An origin that is an FTZ or one of its areas makes the entry another FTZ's innovation; a ministry's is a national experience. */
export const DEMO_EXPERIENCES: { name: string; kind: ExperienceKind; origin: string; area: string; sourceDoc: string }[] = rows.map(([area, name, origin]) => ({
  name,
  kind: /自贸|自由贸易/u.test(origin) ? 'other_ftz' : 'pilot',
  origin,
  area,
  sourceDoc: SOURCE_DOC,
}));
