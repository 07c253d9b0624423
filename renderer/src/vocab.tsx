import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Batch, Field, Settings, SourceExperience, Unit } from '../../shared/domain';
import { api } from './api';

// The office's vocabularies and settings, loaded once and refreshed after a change.
export interface Vocab {
  units: Unit[];
  fields: Field[];
  sources: SourceExperience[];
  batches: Batch[];
  settings: Settings | null;
  reload(): Promise<void>;
}

const VocabContext = createContext<Vocab | null>(null);

export function VocabProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<Omit<Vocab, 'reload'>>({ units: [], fields: [], sources: [], batches: [], settings: null });
  const reload = useCallback(async () => {
    const [units, fields, sources, batches, settings] = await Promise.all([
      api['units.list']({}),
      api['fields.list']({}),
      api['sources.list']({}),
      api['batches.list']({}),
      api['settings.get']({}),
    ]);
    setState({ units, fields, sources, batches, settings });
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return <VocabContext.Provider value={{ ...state, reload }}>{children}</VocabContext.Provider>;
}

export function useVocab(): Vocab {
  const v = useContext(VocabContext);
  if (!v) throw new Error('useVocab outside VocabProvider');
  return v;
}
