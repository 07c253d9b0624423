import { Spin } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

// The pages, each in its own chunk loaded when first opened (issue 13: the first window loads the library only;
// the statistics charts, the editor and the composer come with their pages). App.tsx imports the pages from here.
// A chunk that fails to load throws inside the page's error boundary (App.tsx), which offers to reload.

function PageLoading() {
  return (
    <div className="page-loading" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
      <div style={{ marginTop: 8, color: 'rgba(0, 0, 0, 0.45)' }}>正在载入…</div>
    </div>
  );
}

function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>;
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<PageLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

// The library is the first window's page: it stays in the main chunk rather than cost a second round trip.
export { CaseLibrary } from './CaseLibrary';
export const CaseEditor = lazyPage(() => import('./CaseEditor').then((m) => m.CaseEditor));
export const BatchList = lazyPage(() => import('./BatchList').then((m) => m.BatchList));
export const BatchComposer = lazyPage(() => import('./BatchComposer').then((m) => m.BatchComposer));
export const ImportPage = lazyPage(() => import('./ImportPage').then((m) => m.ImportPage));
export const StatsPage = lazyPage(() => import('./StatsPage').then((m) => m.StatsPage));
export const SettingsPage = lazyPage(() => import('./SettingsPage').then((m) => m.SettingsPage));
export const CallList = lazyPage(() => import('./CallList').then((m) => m.CallList));
export const CallPage = lazyPage(() => import('./CallPage').then((m) => m.CallPage));
export const NewsletterList = lazyPage(() => import('./NewsletterList').then((m) => m.NewsletterList));
export const NewsletterComposer = lazyPage(() => import('./NewsletterComposer').then((m) => m.NewsletterComposer));
export const ExperiencesPage = lazyPage(() => import('./ExperiencesPage').then((m) => m.ExperiencesPage));
export const LedgerPage = lazyPage(() => import('./LedgerPage').then((m) => m.LedgerPage));
export const CrossTablePage = lazyPage(() => import('./CrossTablePage').then((m) => m.CrossTablePage));
export const HelpPage = lazyPage(() => import('./HelpPage').then((m) => m.HelpPage));
