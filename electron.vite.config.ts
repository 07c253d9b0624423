import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { antdCssFor } from './scripts/antd-css';

/** The dev server needs React refresh's inline preamble and its HMR socket; the built app keeps the strict CSP. */
function devCsp(): Plugin {
  return {
    name: 'casebook-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

/**
 * The entry (main.tsx) imports the app dynamically, so that the first calls leave before the app is evaluated;
 * this puts the app's scripts and styles into index.html as modulepreload and stylesheet links, so that the
 * browser fetches (and compiles) them while the entry runs instead of after it (issue 13: the first window).
 */
function preloadApp(): Plugin {
  return {
    name: 'casebook-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const { bundle, chunk: entry } = ctx;
        if (!bundle || !entry) return html;
        const chunk = (name: string) => {
          const c = bundle[name];
          if (c?.type !== 'chunk') throw new Error(`preloadApp: ${name} is not a chunk`);
          return c;
        };
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const walk = (name: string) => {
          if (scripts.has(name)) return;
          scripts.add(name);
          const c = chunk(name);
          for (const i of c.imports) walk(i); // a chunk's imports first: the app's styles come after antd's
          for (const css of c.viteMetadata?.importedCss ?? []) styles.add(css);
        };
        for (const d of entry.dynamicImports) if (chunk(d).name === 'boot') walk(d);
        const known = (f: string) => html.includes(`/${f}"`);
        const tags = [
          ...[...styles].filter((f) => !known(f)).map((f) => `<link rel="stylesheet" crossorigin href="./${f}">`),
          ...[...scripts].filter((f) => !known(f)).map((f) => `<link rel="modulepreload" crossorigin href="./${f}">`),
        ];
        return html.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`);
      },
    },
  };
}

/** antd's prebuilt stylesheet less the rules of components the renderer never imports (scripts/antd-css.ts). */
function antdUsedCss(): Plugin {
  return {
    name: 'casebook-antd-used-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]antd[\\/]dist[\\/]antd\.css$/u.test(id)) return null;
      return { code: antdCssFor(code, resolve(__dirname, 'renderer/src'), resolve(id, '../../es')), map: null };
    },
  };
}

/**
 * antd's form context, which every input, select and check box imports, takes FormProvider from the index of
 * @rc-component/form, and the index brings the whole form engine and its validator (about 100 KB of source) into
 * every page with an input, the first window's too (issue 13). FormProvider is defined in FormContext.js, the module
 * the index re-exports: that import alone is pointed there, so the module (and its context) stays the one the forms
 * use through the index.
 */
function lightFormContext(): Plugin {
  return {
    name: 'casebook-light-form-context',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer || !/[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/u.test(importer)) return null;
      return this.resolve('@rc-component/form/es/FormContext.js', importer, { skipSelf: true });
    },
  };
}

const nodeModules = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`, 'u');
/** A split group's chunks are named by the pages that share them (`vendor-antd~boot~HelpPage~…`): shortened here. */
const chunkName = (name: string) => name.replace(/^(vendor-[a-z]+)~.*$/u, (_, group: string) => (name.includes('~boot') ? group : `${group}-pages`));

/** The libraries' chunks (a group takes its modules' dependencies too, so the highest priority goes to what all share). The charts and drag-and-drop load only with the pages that use them. */
const RENDERER_VENDOR_CHUNKS = [
  { name: 'vendor-echarts', test: nodeModules('echarts|zrender|tslib'), priority: 40 },
  { name: 'vendor-dnd', test: nodeModules('@dnd-kit'), priority: 30 },
  { name: 'vendor-react', test: nodeModules('react|react-dom|scheduler'), priority: 50 }, // first: every other library imports it
  // antd split by the pages that use it (entriesAware): the first window loads only the part its page needs, not
  // the date picker, tabs, upload… of the other pages (issue 13); small parts are merged with their neighbours.
  { name: 'vendor-antd', test: nodeModules('antd|@ant-design|@rc-component|rc-[^\\\\/]+|@emotion|dayjs|classnames|clsx|stylis'), priority: 10, entriesAware: true, entriesAwareMergeThreshold: 10_000 },
];

export default defineConfig({
  main: {
    build: {
      // CommonJS, so __dirname and require work as Electron's main expects.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle the contract (and zod) into it.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }, // sandboxed preloads must be CommonJS
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      // Minified and split (issue 13): each page is its own chunk (renderer/src/pages/lazy.tsx); the libraries go
      // into chunks of their own, which keep their names (and the browser's cache) while the app's code changes.
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          codeSplitting: { groups: RENDERER_VENDOR_CHUNKS },
          chunkFileNames: (c) => `assets/${chunkName(c.name)}-[hash].js`,
          assetFileNames: (a) => `assets/${chunkName(a.names[0]?.replace(/\.[^.]*$/u, '') ?? 'asset')}-[hash][extname]`,
        },
      },
      chunkSizeWarningLimit: 1500,
    },
    plugins: [antdUsedCss(), lightFormContext(), react(), devCsp(), preloadApp()],
  },
});
