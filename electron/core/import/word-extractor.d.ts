// word-extractor ships no types; the part of its API the importer uses.
declare module 'word-extractor' {
  interface ExtractedDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>;
  }
}
// Its OLE reader, used to look at a Word 97–2003 file's header before extracting (see file-text.ts).
declare module 'word-extractor/lib/ole-compound-doc' {
  export default class OleCompoundDoc {
    constructor(reader: unknown);
    read(): Promise<OleCompoundDoc>;
    stream(name: string): NodeJS.ReadableStream;
  }
}
declare module 'word-extractor/lib/buffer-reader' {
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}
