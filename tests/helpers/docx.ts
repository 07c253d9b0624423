import { strFromU8, unzipSync } from 'fflate';

// Reading a .docx back for tests: its parts as text, paragraphs with their properties and runs.
export interface DocxParts {
  files: Record<string, string>;
  document: string;
  /** Part text by relationship type and footer/header reference type, e.g. part('footer', 'even'). */
  part(kind: 'header' | 'footer', type: 'default' | 'even' | 'first'): string | null;
}

export function readDocx(bytes: Uint8Array): DocxParts {
  const raw = unzipSync(bytes);
  const files = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, strFromU8(v)]));
  const document = files['word/document.xml']!;
  const rels = files['word/_rels/document.xml.rels']!;
  const sectPr = /<w:sectPr>[\s\S]*?<\/w:sectPr>/u.exec(document)?.[0] ?? '';
  return {
    files,
    document,
    part(kind, type) {
      const ref = new RegExp(`<w:${kind}Reference w:type="${type}" r:id="(rId\\d+)"/>`, 'u').exec(sectPr);
      if (!ref) return null;
      const target = new RegExp(`Id="${ref[1]}"[^>]*Target="([^"]+)"`, 'u').exec(rels)?.[1];
      return target ? (files[`word/${target}`] ?? null) : null;
    },
  };
}

export interface Para {
  xml: string;
  pPr: string;
  text: string;
  runs: { text: string; rPr: string }[];
}

export function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/gu)].map((m) => {
    const inner = m[1] ?? m[2] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/u.exec(inner)?.[1] ?? '';
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/gu)].map((r) => ({
      rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/u.exec(r[1]!)?.[1] ?? '',
      text: [...r[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(''),
    }));
    return { xml: inner, pPr, runs, text: runs.map((r) => r.text).join('') };
  });
}

export const attr = (xml: string, el: string, name: string): string | null =>
  new RegExp(`<w:${el}\\b[^>]*\\bw:${name}="([^"]*)"`, 'u').exec(xml)?.[1] ?? null;

export const eastAsia = (rPr: string) => attr(rPr, 'rFonts', 'eastAsia');
