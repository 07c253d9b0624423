import { paragraph, paragraphProperties, runProperties, type Spacing } from './paragraph';
import { attrs, empty, escapeText, NS, wordRoot, XML_DECLARATION } from './xml';

// A WordprocessingML package (ECMA-376 Part 1 §11, Part 2 OPC) as its parts by path: the document with its
// sections, one part per header and footer, styles (the defaults and Normal), settings, an empty font table, the
// content types, relationships and the core/app properties. What the docx library added that nothing here
// uses (theme, numbering, footnote and endnote parts, custom properties, unused styles) is not written.

/** Paragraphs of a header or footer, by the pages it is for. */
export interface HeadersFooters {
  default?: string[];
  first?: string[];
  even?: string[];
}

export interface PageSetup {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number; gutter: number };
  /** The document grid's line pitch (twips): lines only, no typed character grid. */
  linePitch: number;
}

export interface SectionOptions {
  page: PageSetup;
  /** Where page numbers restart; without it they continue from the section before. */
  pageNumberStart?: number;
  /** The first page has its own header and footer. */
  titlePage?: boolean;
  /** The section starts on the next even or odd page (Word adds a blank page where needed); else on a new page. */
  start?: 'evenPage' | 'oddPage';
  headers?: HeadersFooters;
  footers?: HeadersFooters;
  /** Paragraphs and tables, as ./paragraph and ./table write them. */
  children: string[];
}

export interface DocumentOptions {
  title: string;
  creator: string;
  /** The package's date (core properties): the document's own, so the same document gives the same bytes. */
  stamp: Date;
  /** Normal and the run defaults: the body font and size; the paragraph defaults' line spacing. */
  font: string;
  size: number;
  spacing: Spacing;
  /** Different footers on odd and even pages. */
  evenAndOddHeaders: boolean;
  sections: SectionOptions[];
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const KINDS = ['default', 'first', 'even'] as const;

function relationships(rels: { type: string; target: string }[]): string {
  const items = rels.map((r, i) => empty('Relationship', { Id: `rId${i + 1}`, Type: r.type, Target: r.target })).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${NS.rels}">${items}</Relationships>`;
}

function coreXml(title: string, creator: string, stamp: Date): string {
  const iso = stamp.toISOString().replace(/\.\d{3}Z$/u, 'Z');
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeText(title)}</dc:title><dc:creator>${escapeText(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeText(creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`
  );
}

const APP_XML = `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>`;

/** Defaults and Normal both carry the font and size: LibreOffice reads the grid's character from Normal. */
function stylesXml(o: DocumentOptions): string {
  const rPr = runProperties({ font: o.font, size: o.size, eastAsiaHint: true });
  // The defaults' w:pPr: the spacing, and widow control (two lines at least on either side of a page break).
  // LibreOffice applies widow control to every paragraph whether asked or not, and ../pagination estimates the
  // pages so; Word applies it only where asked, and without it would set a lone line where they do not.
  const defaults = paragraphProperties({ spacing: o.spacing, widowControl: true });
  const tableNormal =
    '<w:style w:type="table" w:styleId="TableNormal" w:default="1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:type="dxa" w:w="0"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr></w:style>';
  return wordRoot(
    'w:styles',
    `<w:docDefaults><w:rPrDefault>${rPr}</w:rPrDefault><w:pPrDefault><w:pPr>${defaults}</w:pPr></w:pPrDefault></w:docDefaults>` +
      tableNormal +
      `<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/>${rPr}</w:style>`,
  );
}

function settingsXml(o: DocumentOptions): string {
  return wordRoot(
    'w:settings',
    '<w:displayBackgroundShape/><w:defaultTabStop w:val="720"/>' +
      (o.evenAndOddHeaders ? '<w:evenAndOddHeaders/>' : '') +
      // Word 2013+ layout rules, as Word itself saves.
      '<w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"/></w:compat>',
  );
}

/** No fonts listed: Word and LibreOffice take the names from the runs. */
const FONT_TABLE = `${XML_DECLARATION}<w:fonts xmlns:w="${NS.w}" xmlns:r="${NS.r}"/>`;

/** The parts of the package by path, in the order they are zipped. */
export function documentParts(o: DocumentOptions): Map<string, string> {
  const docRels: { type: string; target: string }[] = [
    { type: `${REL}/styles`, target: 'styles.xml' },
    { type: `${REL}/settings`, target: 'settings.xml' },
    { type: `${REL}/fontTable`, target: 'fontTable.xml' },
  ];
  const overrides: [string, string][] = [
    ['/word/document.xml', `${TYPE}.document.main+xml`],
    ['/word/styles.xml', `${TYPE}.styles+xml`],
    ['/word/settings.xml', `${TYPE}.settings+xml`],
    ['/word/fontTable.xml', `${TYPE}.fontTable+xml`],
    ['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'],
    ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml'],
  ];
  const headerFooterParts: [string, string][] = [];
  const counts = { header: 0, footer: 0 };
  /** Writes one header or footer part and returns its reference for the section's properties. */
  const reference = (kind: 'header' | 'footer', type: (typeof KINDS)[number], paragraphs: string[]) => {
    const name = `${kind}${++counts[kind]}.xml`;
    headerFooterParts.push([`word/${name}`, wordRoot(kind === 'header' ? 'w:hdr' : 'w:ftr', paragraphs.join(''))]);
    overrides.push([`/word/${name}`, `${TYPE}.${kind}+xml`]);
    docRels.push({ type: `${REL}/${kind}`, target: name });
    return empty(`w:${kind}Reference`, { 'w:type': type, 'r:id': `rId${docRels.length}` });
  };
  let body = '';
  o.sections.forEach((s, i) => {
    let sectPr = '<w:sectPr>';
    for (const kind of ['header', 'footer'] as const) {
      const set = kind === 'header' ? s.headers : s.footers;
      for (const type of KINDS) if (set?.[type]) sectPr += reference(kind, type, set[type]);
    }
    const m = s.page.margin;
    sectPr +=
      (s.start ? empty('w:type', { 'w:val': s.start }) : '') +
      empty('w:pgSz', { 'w:w': s.page.width, 'w:h': s.page.height, 'w:orient': 'portrait' }) +
      empty('w:pgMar', { 'w:top': m.top, 'w:right': m.right, 'w:bottom': m.bottom, 'w:left': m.left, 'w:header': m.header, 'w:footer': m.footer, 'w:gutter': m.gutter }) +
      empty('w:pgNumType', { 'w:start': s.pageNumberStart }) +
      (s.titlePage ? '<w:titlePg/>' : '') +
      empty('w:docGrid', { 'w:linePitch': s.page.linePitch }) +
      '</w:sectPr>';
    if (i === o.sections.length - 1) {
      body += s.children.join('') + sectPr;
      return;
    }
    // A section other than the last ends in the properties of its last paragraph (an empty one after a table).
    const children = s.children.length && s.children[s.children.length - 1]!.startsWith('<w:p>') ? s.children : [...s.children, paragraph({})];
    const last = children[children.length - 1]!;
    const at = last.indexOf('</w:pPr>');
    body += children.slice(0, -1).join('') + last.slice(0, at) + sectPr + last.slice(at);
  });
  const types =
    `${XML_DECLARATION}<Types xmlns="${NS.types}">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    overrides.map(([part, type]) => `<Override${attrs({ PartName: part, ContentType: type })}/>`).join('') +
    '</Types>';
  return new Map<string, string>([
    ['[Content_Types].xml', types],
    [
      '_rels/.rels',
      relationships([
        { type: `${REL}/officeDocument`, target: 'word/document.xml' },
        { type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
        { type: `${REL}/extended-properties`, target: 'docProps/app.xml' },
      ]),
    ],
    ['docProps/core.xml', coreXml(o.title, o.creator, o.stamp)],
    ['docProps/app.xml', APP_XML],
    ['word/document.xml', wordRoot('w:document', `<w:body>${body}</w:body>`)],
    ['word/_rels/document.xml.rels', relationships(docRels)],
    ['word/styles.xml', stylesXml(o)],
    ['word/settings.xml', settingsXml(o)],
    ['word/fontTable.xml', FONT_TABLE],
    ...headerFooterParts,
  ]);
}
