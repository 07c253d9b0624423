import fs from 'node:fs';
import path from 'node:path';

// antd's prebuilt stylesheet (antd/dist/antd.css, 1 MB) holds every component's rules; the browser parses all of
// them and matches every element against them at each style recalculation (issue 13: the first window). The
// build keeps only the rules of the components the renderer can show: a rule whose selector names a class of a
// component the renderer never imports cannot match anything.
//
// Which components: the names the renderer imports from 'antd', followed through antd's own imports (a Table
// brings its Checkbox, Dropdown, Pagination, Spin…), each reached file's `getPrefixCls('btn')` naming the class
// prefix it renders (`.ant-btn…`). This is wider than what tree-shaking keeps, never narrower.

const IMPORT_FROM_ANTD = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]antd['"]/gu;
const RELATIVE_IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/gu;
const PREFIX_CALL = /getPrefixCls\(([^)]*)\)/gu;
const STRING = /'([a-z][a-z-]*)'|"([a-z][a-z-]*)"/gu;

function prefixesIn(code: string): string[] {
  const out: string[] = [];
  for (const call of code.matchAll(PREFIX_CALL)) for (const s of call[1]!.matchAll(STRING)) out.push((s[1] ?? s[2])!);
  return out;
}

/** The files under `dir` (recursively) whose names match `pattern`. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, pattern) : pattern.test(e.name) ? [p] : [];
  });
}

/** The value names the sources import from 'antd' (type-only imports left out). */
export function antdImports(sources: string[]): Set<string> {
  const names = new Set<string>();
  for (const code of sources)
    for (const m of code.matchAll(IMPORT_FROM_ANTD)) {
      if (m[1]) continue;
      for (const part of m[2]!.split(',')) {
        const name = part.trim().split(/\s+as\s+/u)[0]!;
        if (name && !name.startsWith('type ')) names.add(name);
      }
    }
  return names;
}

function resolveFile(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const f of [base, `${base}.js`, path.join(base, 'index.js')]) if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  return null;
}

/** Every class prefix antd knows, and those the given component names can render. */
export function antdPrefixes(antdEs: string, names: Set<string>): { known: Set<string>; used: Set<string> } {
  const known = new Set<string>();
  for (const file of filesUnder(antdEs, /\.js$/u)) for (const x of prefixesIn(fs.readFileSync(file, 'utf8'))) known.add(x);
  const index = fs.readFileSync(path.join(antdEs, 'index.js'), 'utf8');
  const entries: string[] = [];
  for (const m of index.matchAll(/export\s*\{\s*default\s+as\s+(\w+)\s*\}\s*from\s*'(\.\/[^']+)'/gu)) if (names.has(m[1]!)) entries.push(resolveFile(path.join(antdEs, 'index.js'), m[2]!)!);
  const missing = [...names].filter((n) => !new RegExp(`default\\s+as\\s+${n}\\s*\\}`, 'u').test(index));
  if (missing.length) throw new Error(`antd-css: not found in antd's index: ${missing.join(', ')}`);
  const used = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const x of prefixesIn(code)) used.add(x);
    for (const m of code.matchAll(RELATIVE_IMPORT)) {
      const next = resolveFile(file, m[1]!);
      if (next && next.startsWith(antdEs + path.sep)) visit(next);
    }
  };
  entries.forEach(visit);
  return { known, used };
}

/** Splits CSS text into its top-level statements: [prelude, body] pairs, body null for `…;` statements. */
function statements(css: string): [string, string | null][] {
  const out: [string, string | null][] = [];
  let start = 0;
  let i = 0;
  const skipString = (q: string) => {
    for (i++; i < css.length && css[i] !== q; i++) if (css[i] === '\\') i++;
  };
  while (i < css.length) {
    const c = css[i]!;
    if (c === '"' || c === "'") skipString(c);
    else if (c === '/' && css[i + 1] === '*') i = css.indexOf('*/', i + 2) + 1 || css.length;
    else if (c === ';') {
      const s = css.slice(start, i + 1).trim();
      if (s) out.push([s, null]);
      start = i + 1;
    } else if (c === '{') {
      const prelude = css.slice(start, i).trim();
      const open = i;
      let depth = 1;
      for (i++; i < css.length && depth; i++) {
        const d = css[i]!;
        if (d === '"' || d === "'") skipString(d);
        else if (d === '{') depth++;
        else if (d === '}') depth--;
      }
      out.push([prelude, css.slice(open + 1, i - 1)]);
      start = i;
      continue;
    }
    i++;
  }
  return out;
}

/** Splits a selector list at its top-level commas (not those inside :is(…) or [attr="a,b"]). */
function selectorList(prelude: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    const c = prelude[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) (out.push(prelude.slice(start, i)), (start = i + 1));
  }
  out.push(prelude.slice(start));
  return out;
}

const GROUPING = /^@(media|supports|container|layer)\b/u;

/**
 * antd.css without the rules that can only match classes of components outside `used`. A class belongs to the
 * longest known prefix it starts with (`ant-input-number-…` is input-number's, not input's); a class of no
 * known prefix (motions such as `ant-zoom-big`, `anticon`) is kept.
 */
export function filterAntdCss(css: string, known: Set<string>, used: Set<string>): string {
  const byLength = [...known].sort((a, b) => b.length - a.length);
  const owner = new Map<string, string | null>();
  const dead = (selector: string) =>
    [...selector.matchAll(/(?<![\w-])ant-[a-z0-9-]+/gu)].some(([cls]) => {
      if (!owner.has(cls)) owner.set(cls, byLength.find((p) => cls === `ant-${p}` || cls.startsWith(`ant-${p}-`)) ?? null);
      const p = owner.get(cls);
      return p !== null && p !== undefined && !used.has(p);
    });
  const walk = (text: string): string =>
    statements(text)
      .map(([prelude, body]) => {
        if (body === null) return prelude;
        if (prelude.startsWith('@')) {
          if (!GROUPING.test(prelude)) return `${prelude}{${body}}`; // @keyframes, @font-face: kept whole
          const inner = walk(body);
          return inner ? `${prelude}{${inner}}` : '';
        }
        const kept = selectorList(prelude).filter((s) => !dead(s));
        return kept.length ? `${kept.join(',')}{${body}}` : '';
      })
      .join('');
  return walk(css);
}

/** The stylesheet for the renderer whose sources are in `srcDir`. */
export function antdCssFor(css: string, srcDir: string, antdEs: string): string {
  const names = antdImports(filesUnder(srcDir, /\.(ts|tsx)$/u).map((f) => fs.readFileSync(f, 'utf8')));
  const { known, used } = antdPrefixes(antdEs, names);
  return filterAntdCss(css, known, used);
}
