import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Batch, Field, Settings, SourceExperience, Unit } from '../../shared/domain';
import { api } from './api';
import { hasAnswered, takeAnswered } from './transport';

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
  const [state, setState] = useState<Omit<Vocab, 'reload'>>(preloadedVocab);
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
  const skipLoad = useRef(state.settings !== null);
  useEffect(() => {
    if (skipLoad.current) return void (skipLoad.current = false);
    void reload();
  }, [reload]);
  return <VocabContext.Provider value={{ ...state, reload }}>{children}</VocabContext.Provider>;
}

/** The vocabularies from the first window's early calls when all have answered (one render instead of two). */
function preloadedVocab(): Omit<Vocab, 'reload'> {
  // all five or none: taking some would leave the rest to `reload`, which then asks for the taken ones again
  const calls = ['units.list', 'fields.list', 'sources.list', 'batches.list', 'settings.get'] as const;
  if (!calls.every((name) => hasAnswered(name, {}))) return { units: [], fields: [], sources: [], batches: [], settings: null };
  return {
    units: takeAnswered('units.list', {})!,
    fields: takeAnswered('fields.list', {})!,
    sources: takeAnswered('sources.list', {})!,
    batches: takeAnswered('batches.list', {})!,
    settings: takeAnswered('settings.get', {})!,
  };
}

export function useVocab(): Vocab {
  const v = useContext(VocabContext);
  if (!v) throw new Error('useVocab outside VocabProvider');
  return v;
}
