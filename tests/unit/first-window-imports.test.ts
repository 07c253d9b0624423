import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The first window (issue 13) loads what the entry imports statically: zod and the contract's schemas (120 KB,
// about 150 ms of parsing and building schemas in Chromium) belong to the pages that validate, loaded with them.
// This walks the renderer's static imports from the entry, as the bundler does, and fails when a merge brings
// zod back into the start (a value import of shared/domain.ts instead of shared/domain-constants.ts, say).

const root = path.resolve('renderer/src');
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gmu;
const ONLY_TYPES = /^\s*(?:import|export)\s+\{([^}]*)\}\s+from/u;

function resolveModule(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  return null;
}

/** Every file and bare package the entries reach by static value imports (dynamic `import()` is not followed). */
function startGraph(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(VALUE_IMPORT)) {
      const names = ONLY_TYPES.exec(m[0])?.[1];
      // `import { type A, type B } from …` is erased like `import type`
      if (names !== undefined && names.split(',').every((n) => !n.trim() || n.trim().startsWith('type '))) continue;
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        packages.add(spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const next = resolveModule(file, spec);
      if (next && /\.(ts|tsx)$/u.test(next)) visit(next);
    }
  };
  entries.forEach(visit);
  return { files, packages };
}

describe('the first window', () => {
  // main.tsx sends the first calls and imports boot.tsx, which index.html preloads: both are the start
  const { files, packages } = startGraph([path.join(root, 'main.tsx'), path.join(root, 'boot.tsx')]);
  const rel = [...files].map((f) => path.relative(path.resolve('.'), f).split(path.sep).join('/'));

  it('reaches the app and the library page through static imports (the walk itself works)', () => {
    expect(rel).toEqual(expect.arrayContaining(['renderer/src/boot.tsx', 'renderer/src/App.tsx', 'renderer/src/api.ts', 'renderer/src/pages/CaseLibrary.tsx', 'shared/domain-constants.ts']));
    expect([...packages]).toEqual(expect.arrayContaining(['react', 'antd']));
  });

  it('loads neither zod nor a module that builds schemas', () => {
    expect([...packages]).not.toContain('zod');
    expect(rel.filter((f) => /^shared\/(domain|register|newsletter|contract[\w-]*|zod-zh|calls)\.ts$/u.test(f))).toEqual([]);
  });

  // antd's Table brought about 190 KB of start scripts and a forced layout inside its first render: the library
  // draws its own (components/VirtualTable.tsx). Its filters' Select (about 70 KB, and six of them to render) loads
  // after the list (React.lazy in CaseLibrary.tsx), with boxes in their place meanwhile.
  it.each(['Table', 'Select'])('does not import antd’s %s', (component) => {
    const named = /import\s*\{([^}]*)\}\s*from\s*'antd'/gu;
    const users = [...files].filter((f) => [...fs.readFileSync(f, 'utf8').matchAll(named)].some((m) => m[1]!.split(',').some((n) => n.trim() === component)));
    expect(users.map((f) => path.relative(path.resolve('.'), f))).toEqual([]);
    expect(rel).toEqual(expect.arrayContaining(['renderer/src/components/VirtualTable.tsx', 'renderer/src/components/CaseFiltersPlaceholder.tsx']));
  });
});

describe('the API client without the contract at run time', () => {
  it('names every method the contract has «area.verb», so the client can tell a method from a probe like `then`', async () => {
    const { API_NAMES } = await import('../../shared/contract');
    expect(API_NAMES.filter((n) => !/^[a-z]+\.[A-Za-z]+$/u.test(n))).toEqual([]);
  });
});
