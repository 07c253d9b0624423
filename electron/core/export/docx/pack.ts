import { crc32, deflateRawSync } from 'node:zlib';
import { Packer, type Document } from 'docx';
import { dosDateTime, stampZip } from '../zip-parts';

// docx stamps the time of packing into docProps/core.xml and into every zip entry. An export must not change
// from one run to the next, so core.xml is given with the document's own date (docx's public `overrides`), and
// the zip entries' DOS timestamps are set to that date in place: contents and CRCs stay as docx wrote them.

const escapeXml = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

function coreXml(title: string, creator: string, stamp: Date): string {
  const iso = stamp.toISOString().replace(/\.\d{3}Z$/u, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`
  );
}

/**
 * A zip of the given parts in the given order, each deflated by Node's zlib (native, several times faster than
 * the JavaScript deflate docx packs with: the zip step was a fifth of a command-line export) and every entry
 * stamped with one time, so the same parts always give the same bytes.
 */
export function zipParts(parts: Iterable<[string, string | Uint8Array]>, stamp: Date): Buffer {
  const { date, time } = dosDateTime(stamp);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = deflateRawSync(data, { level: 6 });
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    // The local header and the central directory's entry share these fields, at 4 and at 6.
    const shared = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed: deflate
      b.writeUInt16LE(0x0800, at + 2); // names in UTF-8
      b.writeUInt16LE(8, at + 4); // deflate
      b.writeUInt16LE(time, at + 6);
      b.writeUInt16LE(date, at + 8);
      b.writeUInt32LE(crc, at + 10);
      b.writeUInt32LE(packed.length, at + 14);
      b.writeUInt32LE(data.length, at + 18);
      b.writeUInt16LE(nameBytes.length, at + 22);
      return b;
    };
    const local = shared(Buffer.alloc(30), 4);
    local.writeUInt32LE(0x04034b50, 0);
    const entry = shared(Buffer.alloc(46), 6);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
    count++;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** docx's own compiler (the step of Packer.toBuffer before zipping): the package's parts by path, in zip order. */
type PartsCompiler = { compile(doc: Document, prettify: undefined, overrides: { path: string; data: string }[]): Map<string, string | Uint8Array> };
const compiler = (Packer as unknown as { compiler?: PartsCompiler }).compiler;

export async function packDocx(doc: Document, stamp: Date, title: string): Promise<Buffer> {
  const overrides = [{ path: 'docProps/core.xml', data: coreXml(title, 'FTZ Casebook', stamp) }];
  if (typeof compiler?.compile === 'function') return zipParts(compiler.compile(doc, undefined, overrides), stamp);
  // A docx version without the compiler where this one has it: its own (slower) packing, stamped in place.
  return stampZip(Buffer.from(await Packer.toBuffer(doc, false, overrides)), stamp);
}
