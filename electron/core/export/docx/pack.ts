import { crc32, deflateRawSync } from 'node:zlib';
import { dosDateTime } from '../dos-time';
import type { WordDocument } from './document';
import { documentParts } from './ooxml/package';

// The package's parts (./ooxml) zipped. An export must not change from one run to the next: the core properties
// carry the document's own date, and every zip entry is stamped with it.

/**
 * A zip of the given parts in the given order, each deflated by Node's zlib (native, several times faster than a
 * JavaScript deflate) and every entry stamped with one time, so the same parts always give the same bytes.
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

/** The document as .docx bytes, dated `stamp`. */
export function packDocx(doc: WordDocument, stamp: Date): Buffer {
  return zipParts(documentParts({ ...doc, stamp }), stamp);
}
