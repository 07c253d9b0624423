import type { ApiName, Envelope } from './contract';

/** What the preload puts on window.casebook (absent in a plain browser, where the loopback transport serves). */
export interface CasebookBridge {
  methods: Record<ApiName, (input: unknown) => Promise<Envelope<unknown>>>;
  onMenu(listener: (command: string) => void): () => void;
}
