// The preload exposes exactly the contract's methods (derived from it), one IPC channel each, and the
// menu's commands. No generic ipcRenderer reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { API_NAMES, channelOf, type ApiName, type Envelope } from '../../shared/contract';

const methods = Object.fromEntries(
  API_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelOf(name), input) as Promise<Envelope<unknown>>]),
) as Record<ApiName, (input: unknown) => Promise<Envelope<unknown>>>;

const MENU_COMMANDS = new Set(['new-case', 'save', 'find', 'import', 'open-data-folder', 'about']);

contextBridge.exposeInMainWorld('casebook', {
  methods,
  onMenu(listener: (command: string) => void): () => void {
    const wrapped = (_event: unknown, command: string) => {
      if (MENU_COMMANDS.has(command)) listener(command);
    };
    ipcRenderer.on('menu', wrapped);
    return () => ipcRenderer.removeListener('menu', wrapped);
  },
});
