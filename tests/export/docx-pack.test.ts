import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportBatchDocx } from '../../electron/core/export/docx';
import { escapeAttr, escapeText } from '../../electron/core/export/docx/ooxml/xml';
import { grownTo } from './fixtures';
import { getBatch, listBatches } from '../../electron/core/repos/batches';
import { importFile } from '../../electron/core/import/import-circular';
import { tempCasebook } from '../helpers/tmp';
import fs from 'node:fs';
import path from 'node:path';

// The .docx is written by our own WordprocessingML writer (./ooxml, issue 13: the docx library was most of an
// export's time) and zipped with Node's zlib. The package holds together: every part has its content type, every
// relationship points at a part that is there, nothing is zipped that nothing refers to, every entry has one date.

const book = tempCasebook();

function checkPackage(bytes: Buffer) {
  const files = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]));
  const types = files['[Content_Types].xml']!;
  const referenced = new Set(['[Content_Types].xml']);
  for (const [name, xml] of Object.entries(files)) {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'), name).toBe(true);
    if (!name.endsWith('.rels')) {
      if (name !== '[Content_Types].xml') expect(types, name).toContain(`PartName="/${name}"`);
      continue;
    }
    referenced.add(name);
    const base = name.replace(/_rels\/[^/]*\.rels$/u, '');
    for (const m of xml.matchAll(/Id="(rId\d+)" Type="[^"]+" Target="([^"]+)"/gu)) {
      expect(files[base + m[2]!], `${name} ${m[1]} → ${m[2]}`).toBeDefined();
      referenced.add(base + m[2]!);
    }
  }
  expect(Object.keys(files).filter((n) => !referenced.has(n))).toEqual([]);
  // Every entry (local header at 10, date at 12) carries the same DOS time.
  const stamps = new Set<string>();
  for (let p = 0; bytes.readUInt32LE(p) === 0x04034b50; ) {
    stamps.add(`${bytes.readUInt16LE(p + 10)}:${bytes.readUInt16LE(p + 12)}`);
    p += 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28) + bytes.readUInt32LE(p + 18);
  }
  expect(stamps.size).toBe(1);
  return files;
}

describe('docx package', () => {
  it('holds together, with one section or two, with headers and without', async () => {
    const demo = getBatch(book.db, listBatches(book.db)[0]!.id);
    const report = await importFile(book.db, fs.readFileSync(path.resolve(__dirname, '../fixtures/innovation-six-cases.txt')), 'six.txt');
    const six = getBatch(book.db, report.batchId!);
    const letter = checkPackage(await exportBatchDocx(demo, { layout: 'letter' }));
    expect(Object.keys(letter).filter((n) => /header|footer/u.test(n)).sort()).toEqual(['word/footer1.xml', 'word/footer2.xml', 'word/footer3.xml', 'word/header1.xml']);
    const twoSections = checkPackage(await exportBatchDocx(grownTo(six, 'after-blank'), {}));
    expect(twoSections['word/document.xml']!.match(/<w:sectPr>/gu)).toHaveLength(2);
  });

  it('escapes text and attributes and drops what XML cannot carry', () => {
    expect(escapeText('a<b>&c"\'\u0001\t')).toBe('a&lt;b&gt;&amp;c"\'\t');
    expect(escapeAttr('"x" & \'y\'')).toBe('&quot;x&quot; &amp; &apos;y&apos;');
  });
});
