// What the handlers need from the shell they run in (Electron or the loopback server): the OS side.
export type ExportKind = 'docx' | 'xlsx' | 'pdf';

export interface Host {
  transport: 'ipc' | 'http';
  version: string;
  /** Asks where to save (Electron: the native Save dialog); null when the user cancels. */
  chooseSavePath(defaultName: string, kind: ExportKind): Promise<string | null>;
  /** A URL the renderer can download the saved file from, where the transport has one. */
  downloadUrl(path: string): string | null;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
}
