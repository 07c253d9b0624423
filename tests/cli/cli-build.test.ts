import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { findSoffice } from '../../electron/core/export/pdf';
import { convertWith } from '../helpers/soffice';
import { tempDir } from '../helpers/tmp';
import { wordFile } from '../helpers/word-samples';

// The bundled command line (issue 13): built by scripts/build-cli.mjs, it loads docx and exceljs only in the
// commands that export, and the file readers only when a file is read.
const root = path.resolve(__dirname, '../..');

interface Meta {
  outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown>; entryPoint?: string }>;
}

/** Every input that starting the entry loads: its own and those of the chunks it imports statically. */
function startupInputs(meta: Meta, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !meta.outputs[file]) return;
    seen.add(file);
    for (const i of meta.outputs[file]!.imports) if (i.kind === 'import-statement') visit(i.path);
  };
  visit(entry);
  return [...seen].flatMap((f) => Object.keys(meta.outputs[f]!.inputs));
}

describe('the bundled command line', () => {
  it('starts without docx or exceljs, and runs from out/cli', async () => {
    // @ts-expect-error a plain ES module of the build, without types
    const { buildCli, CLI_BUNDLE } = (await import('../../scripts/build-cli.mjs')) as { buildCli(): Promise<{ metafile: Meta }>; CLI_BUNDLE: string };
    const { metafile } = await buildCli();
    const entry = path.relative(root, CLI_BUNDLE).split(path.sep).join('/');
    const inputs = startupInputs(metafile, entry);
    expect(inputs.some((i) => i.includes('electron/core/repos/batch-reads'))).toBe(true);
    for (const heavy of ['node_modules/docx/', 'node_modules/exceljs/', 'node_modules/word-extractor/', 'node_modules/jszip/']) expect(inputs.filter((i) => i.includes(heavy)), heavy).toEqual([]);
    // nor (issue 13, a start under 0.3 s) zod and the schemas, the API contract, the demo batch, the import and
    // proofreading code
    for (const unused of ['node_modules/zod/', 'shared/domain.ts', 'shared/register.ts', 'shared/contract', 'seeds/demo.json', 'node_modules/@xmldom/', 'electron/core/import/', 'electron/core/proofread/', 'electron/cli/commands.ts']) {
      expect(inputs.filter((i) => i.includes(unused)), unused).toEqual([]);
    }
    // `export` of an existing batch (issue 13: at most pandoc's time) loads the export code only: its command module
    // and the export service with what they import, not zod, the contract, the import or proofreading code
    const exportPath = [entry, ...['electron/cli/export-commands.ts', 'electron/core/export/service.ts'].map((e) => Object.keys(metafile.outputs).find((o) => metafile.outputs[o]!.entryPoint === e)!)];
    const exportInputs = exportPath.flatMap((o) => startupInputs(metafile, o));
    expect(exportPath.every(Boolean)).toBe(true);
    expect(exportInputs.some((i) => i.includes('electron/core/export/docx/document'))).toBe(true);
    for (const unused of ['node_modules/zod/', 'shared/domain.ts', 'shared/contract', 'seeds/demo.json', 'node_modules/@xmldom/', 'node_modules/exceljs/', 'node_modules/fflate/', 'electron/core/import/', 'electron/core/proofread/', 'electron/cli/commands.ts', 'electron/core/api/']) {
      expect(exportInputs.filter((i) => i.includes(unused)), `export: ${unused}`).toEqual([]);
    }
    // the read-only commands start as light: search, stats, fonts and `calls list` (commands.ts, calls-commands.ts),
    // `newsletter list`/`show` (newsletter-commands.ts), `experiences list`, `replication report` and the cross-table
    // (register-commands.ts): their modules and what they import statically bring no zod, xmldom, papaparse, exceljs,
    // the import and proofreading code or the .docx writer (fonts.ts, the font names, is used)
    const outputOf = (e: string) => Object.keys(metafile.outputs).find((o) => metafile.outputs[o]!.entryPoint === e)!;
    const readModules = {
      'search/stats/fonts/calls list': { path: ['electron/cli/commands.ts'], used: ['electron/core/search/search', 'electron/core/stats/stats', 'electron/cli/calls-commands', 'electron/core/calls/call-reads'] },
      'newsletter list/show': { path: ['electron/cli/commands.ts', 'electron/cli/newsletter-commands.ts'], used: ['electron/core/newsletter/repo-reads'] },
      'experiences list, replication report, the cross-table': {
        path: ['electron/cli/commands.ts', 'electron/cli/register-commands.ts'],
        used: ['electron/core/register/catalogue-reads', 'electron/core/register/ledger', 'electron/core/register/crosstab', 'electron/core/register/level-reads'],
      },
    };
    for (const [label, { path: modules, used }] of Object.entries(readModules)) {
      const readPath = [entry, ...modules.map(outputOf)];
      expect(readPath.every(Boolean), label).toBe(true);
      const readInputs = readPath.flatMap((o) => startupInputs(metafile, o));
      for (const unused of ['node_modules/zod/', 'node_modules/@xmldom/', 'node_modules/fflate/', 'shared/domain.ts', 'shared/calls.ts', 'shared/newsletter.ts', 'shared/contract', 'seeds/demo.json', 'electron/core/import/', 'electron/core/proofread/', 'electron/core/calls/calls.ts', 'electron/core/calls/receive', 'electron/core/newsletter/repo.ts', 'shared/register.ts', 'electron/core/register/catalogue.ts', 'electron/core/register/levels.ts', 'papaparse', 'exceljs', 'electron/core/export/docx/document', 'electron/core/export/docx/ooxml/', 'electron/core/api/']) {
        expect(readInputs.filter((i) => i.includes(unused)), `${label}: ${unused}`).toEqual([]);
      }
      for (const u of used) expect(readInputs.some((i) => i.includes(u)), `${label}: ${u}`).toBe(true);
    }
    // `calls show` loads the proofreader for its 初审 (and the settings' schema), not the file readers
    const showInputs = [entry, ...['electron/cli/commands.ts', 'electron/core/calls/first-check.ts'].map(outputOf)].flatMap((o) => startupInputs(metafile, o));
    expect(showInputs.some((i) => i.includes('electron/core/proofread/check'))).toBe(true);
    for (const unused of ['node_modules/@xmldom/', 'node_modules/fflate/', 'electron/core/import/file-text', 'electron/core/import/docx-text', 'electron/core/calls/receive']) {
      expect(showInputs.filter((i) => i.includes(unused)), `calls show: ${unused}`).toEqual([]);
    }
    // better-sqlite3 (CommonJS) is required, not imported: no ES-module facade for it at every start
    const sqlite = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.path === 'better-sqlite3').map((i) => i.kind));
    expect(sqlite.length).toBeGreaterThan(0);
    expect(new Set(sqlite)).toEqual(new Set(['require-call']));
    // the commands that validate with zod load only its two locales the app uses (scripts/build-cli.mjs)
    const everything = Object.values(metafile.outputs).flatMap((o) => Object.keys(o.inputs));
    expect([...new Set(everything.filter((i) => i.includes('/zod/v4/locales/') && !i.startsWith('zod-locales:')).map((i) => path.basename(i)))].sort()).toEqual(['en.js', 'zh-CN.js']);
    // the launcher's staleness check stats exactly the project files the bundle was built from
    const listed = JSON.parse(fs.readFileSync(path.join(root, 'out/cli/inputs.json'), 'utf8')) as string[];
    expect(listed).toEqual(expect.arrayContaining(['electron/core/repos/batches.ts', 'shared/domain.ts', 'electron/cli/main.ts']));
    expect(listed.filter((f) => f.includes('node_modules'))).toEqual([]);
    const db = path.join(tempDir(), 'bundle.db');
    const out = execFileSync(process.execPath, [CLI_BUNDLE, '--db', db, 'list', 'batches', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)[0].caseCount).toBe(28);
    const file = path.join(tempDir(), 'demo.docx');
    const exported = JSON.parse(execFileSync(process.execPath, [CLI_BUNDLE, '--db', db, 'export', '1', '--docx', file, '--json'], { encoding: 'utf8' }));
    expect(exported.bytes).toBeGreaterThan(10_000);
    expect(exported.tookMs).toBeGreaterThan(0); // the build, not just the write
  }, 120_000);

  // The packages the build loads lazily (a proxy) or leaves to Node (pdfjs-dist) are used for real: the bundle once
  // failed every one of these (a proxy that required itself, one that could not be `new`ed, pdfjs's worker file
  // missing beside the bundle) while the same commands passed when run from the sources.
  it('reads what clerks bring: a catalogue as .csv and .xlsx, a case as .doc and as PDF made by LibreOffice', async () => {
    // @ts-expect-error a plain ES module of the build, without types
    const { buildCli, CLI_BUNDLE } = (await import('../../scripts/build-cli.mjs')) as { buildCli(): Promise<unknown>; CLI_BUNDLE: string };
    await buildCli();
    const dir = tempDir();
    const db = path.join(dir, 'files.db');
    const run = (...args: string[]) => execFileSync(process.execPath, [CLI_BUNDLE, '--db', db, ...args], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, '目录.csv'), '名称,批次\n逗号分隔的经验,第六批\n');
    expect(run('experiences', 'import', path.join(dir, '目录.csv'), '--yes')).toMatch(/新增 1 条/u);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目录').addRows([['名称', '批次'], ['表格里的经验', '第六批']]);
    fs.writeFileSync(path.join(dir, '目录.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    expect(run('experiences', 'import', path.join(dir, '目录.xlsx'), '--yes')).toMatch(/新增 1 条/u);
    const soffice = findSoffice();
    if (!soffice) return; // .doc and PDF are made by LibreOffice, which the test command installs
    const docx = await wordFile('headings');
    for (const target of ['doc', 'pdf']) {
      const file = path.join(dir, `案例.${target}`);
      fs.writeFileSync(file, convertWith(soffice, docx, '案例.docx', target));
      expect(run('import', file), target).toMatch(/[1-9]\d* 个案例/u);
    }
  }, 300_000);
});
