import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { stampZip } from './docx/pack';

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
