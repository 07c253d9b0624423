import { editZipParts } from '../zip-parts';

// exceljs writes each font's children in the order the font object was built (charset before sz, name last),
// where the schema (CT_Font as the Open XML SDK validates it) wants one fixed order; Excel tolerates it, a
// validator and stricter readers do not. It also stamps zip entries with the time of writing. Both are
// corrected on the finished package.

const FONT_CHILD_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];

/** Puts the children of every <font> (in <fonts> and in dxf styles) in schema order. */
export function orderFontChildren(styles: string): string {
  return styles.replace(/<font>([\s\S]*?)<\/font>/gu, (_, inner: string) => {
    const children = inner.match(/<(\w+)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/gu) ?? [];
    const rank = (el: string) => {
      const i = FONT_CHILD_ORDER.indexOf(/^<(\w+)/u.exec(el)![1]!);
      return i < 0 ? FONT_CHILD_ORDER.length : i;
    };
    return `<font>${[...children].sort((a, b) => rank(a) - rank(b)).join('')}</font>`;
  });
}

export function finishXlsx(bytes: Uint8Array, stamp: Date): Buffer {
  return editZipParts(bytes, { 'xl/styles.xml': orderFontChildren }, stamp);
}
