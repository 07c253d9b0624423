// The few XML rules the WordprocessingML writer needs. Characters XML 1.0 cannot carry (C0 controls other than
// tab, newline and return) are dropped, as a text field pasted from a PDF may hold them and Word refuses the file.

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeWith = (pattern: RegExp) => (value: string) => value.replace(pattern, (ch) => TEXT_ESCAPES[ch] ?? '');

/** Element text: & < > escaped. */
export const escapeText = escapeWith(/[&<>\x00-\x08\x0B\x0C\x0E-\x1F]/gu);
/** An attribute value (always written in double quotes). */
export const escapeAttr = escapeWith(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/gu);

export type Attrs = Record<string, string | number | undefined>;

/** ` a="1" b="2"` in the given order, leaving out undefined values. */
export function attrs(values: Attrs): string {
  let out = '';
  for (const key in values) {
    const v = values[key];
    if (v !== undefined) out += ` ${key}="${typeof v === 'number' ? v : escapeAttr(v)}"`;
  }
  return out;
}

/** An empty element `<name a="…"/>`. */
export const empty = (name: string, values: Attrs = {}) => `<${name}${attrs(values)}/>`;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

/** The root of a WordprocessingML part: the main namespace and the relationships one (r:id). */
export const wordRoot = (name: string, inner: string) => `${XML_DECLARATION}<${name} xmlns:w="${NS.w}" xmlns:r="${NS.r}">${inner}</${name}>`;
