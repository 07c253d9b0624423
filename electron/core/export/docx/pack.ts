import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

// docx stamps the time of packing into docProps/core.xml and the zip entries; an export must not change
// from one run to the next, so both are set to the document's own date.
export async function packDocx(doc: Document, stamp: Date): Promise<Buffer> {
  const raw = new Uint8Array(await Packer.toBuffer(doc));
  const files = unzipSync(raw);
  const iso = stamp.toISOString().replace(/\.\d{3}Z$/u, 'Z');
  const core = files['docProps/core.xml'];
  if (core) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/gu, `$1${iso}$3`),
    );
  }
  const zippable: Zippable = {};
  for (const name of Object.keys(files).sort()) zippable[name] = [files[name]!, { mtime: stamp, level: 6 }];
  return Buffer.from(zipSync(zippable));
}
