import type { FontProfile } from '../../../../shared/domain';

// Which installed fonts realise the standard's type styles (§3). Word takes one name per slot and silently
// substitutes a missing one, so the clerk picks the profile that matches the machine that will print.
export interface Fonts {
  title: string; // 小标宋: 发文机关标志, 标题
  body: string; // 仿宋
  heading1: string; // 黑体: 一、
  heading2: string; // 楷体: （一）
  pageNumber: string; // 宋体
}

export const FONT_PROFILES: Record<FontProfile, Fonts> = {
  gb: { title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体' },
  system: { title: '华文中宋', body: '仿宋', heading1: '黑体', heading2: '楷体', pageNumber: '宋体' },
};
