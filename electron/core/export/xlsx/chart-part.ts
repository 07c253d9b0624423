import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

// exceljs writes no charts: this adds one clustered column chart to the first worksheet of a finished package,
// its data referenced from the sheet's cells (so Excel redraws it when the clerk edits a number) and cached.

export interface ChartSpec {
  sheetName: string;
  title: string;
  /** Category labels and the 1-based rows they are in (column A). */
  categories: string[];
  firstRow: number;
  /** One series per sheet column (0-based: 1 is B): its header (row `firstRow − 1`) and its values. */
  series: { name: string; values: number[]; col: number }[];
  /** Where the chart goes: 0-based row and the number of columns and rows it spans. */
  anchorRow: number;
  widthCols: number;
  heightRows: number;
}

const esc = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');
const colName = (i: number) => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
// Axis ids only tie the chart's two axes together; any two distinct numbers do.
const CAT_AX = 500000001;
const VAL_AX = 500000002;

function chartXml(c: ChartSpec): string {
  const sheet = `'${c.sheetName.replace(/'/gu, "''")}'`;
  const last = c.firstRow + c.categories.length - 1;
  const cats = c.categories.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('');
  const series = c.series
    .map((s, i) => {
      const col = colName(s.col);
      const vals = s.values.map((v, j) => `<c:pt idx="${j}"><c:v>${v}</c:v></c:pt>`).join('');
      return (
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx><c:strRef><c:f>${esc(sheet)}!$${col}$${c.firstRow - 1}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${esc(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
        `<c:invertIfNegative val="0"/>` +
        `<c:cat><c:strRef><c:f>${esc(sheet)}!$A$${c.firstRow}:$A$${last}</c:f><c:strCache><c:ptCount val="${c.categories.length}"/>${cats}</c:strCache></c:strRef></c:cat>` +
        `<c:val><c:numRef><c:f>${esc(sheet)}!$${col}$${c.firstRow}:$${col}$${last}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.values.length}"/>${vals}</c:numCache></c:numRef></c:val>` +
        `</c:ser>`
      );
    })
    .join('');
  const font = '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="宋体"/><a:ea typeface="宋体"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_REL}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${font}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/>${font}<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:legend><c:legendPos val="r"/><c:overlay val="0"/>${font}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(c: ChartSpec): string {
  const at = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor><xdr:from>${at(0, c.anchorRow)}</xdr:from><xdr:to>${at(c.widthCols, c.anchorRow + c.heightRows)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

const rels = (items: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map((r) => `<Relationship Id="${r.id}" Type="${NS_REL}/${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;

/** Adds the chart to xl/worksheets/sheet1.xml of the package; the caller stamps and finishes the zip afterwards. */
export function addColumnChart(xlsx: Uint8Array, chart: ChartSpec): Uint8Array {
  const parts = unzipSync(xlsx);
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const existing = parts[relsPath] ? strFromU8(parts[relsPath]) : null;
  const ids = existing ? [...existing.matchAll(/Id="rId(\d+)"/gu)].map((m) => Number(m[1])) : [];
  const rid = `rId${Math.max(0, ...ids) + 1}`;
  const drawingRel = `<Relationship Id="${rid}" Type="${NS_REL}/drawing" Target="../drawings/drawing1.xml"/>`;
  parts[relsPath] = strToU8(existing ? existing.replace('</Relationships>', `${drawingRel}</Relationships>`) : rels([{ id: rid, type: 'drawing', target: '../drawings/drawing1.xml' }]));
  // <drawing> follows headerFooter and the breaks and precedes legacy drawings, tables and extLst.
  const sheet = strFromU8(parts[sheetPath]!);
  const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/u.exec(sheet);
  const tag = `<drawing r:id="${rid}"/>`;
  parts[sheetPath] = strToU8(before ? sheet.slice(0, before.index) + tag + sheet.slice(before.index) : sheet.replace('</worksheet>', `${tag}</worksheet>`));
  parts['xl/drawings/drawing1.xml'] = strToU8(drawingXml(chart));
  parts['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(rels([{ id: 'rId1', type: 'chart', target: '../charts/chart1.xml' }]));
  parts['xl/charts/chart1.xml'] = strToU8(chartXml(chart));
  const types = strFromU8(parts['[Content_Types].xml']!);
  parts['[Content_Types].xml'] = strToU8(
    types.replace(
      '</Types>',
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
        '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>',
    ),
  );
  return zipSync(parts, { level: 6 });
}
