import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { dosDateTime } from './dos-time';

// Post-processing an Office package: rewrite some of its XML parts, then zip it again in the same entry order
// with every entry stamped with one fixed time, so that the same input always gives the same bytes.

export type PartEditor = (xml: string) => string;

export function editZipParts(zip: Uint8Array, editors: Record<string, PartEditor>, stamp: Date): Buffer {
  const entries = unzipSync(zip);
  const out: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(entries)) {
    const edit = editors[name];
    out[name] = edit ? strToU8(edit(strFromU8(data))) : data;
  }
  return stampZip(Buffer.from(zipSync(out, { level: 6 })), stamp);
}

// The zip's time fields are computed in ./dos-time, so that a .docx export does not load fflate.

/** Sets the modification time of every entry, in the central directory and in each local header. */
function stampZip(zip: Buffer, stamp: Date): Buffer {
  const { date, time } = dosDateTime(stamp);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad zip central directory');
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
