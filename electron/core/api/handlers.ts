import { draftCircularBody } from '../../../shared/circular';
import type { Db } from '../db/connection';
import { schemaVersion } from '../db/connection';
import { importFile } from '../import/import-circular';
import * as batches from '../repos/batches';
import * as cases from '../repos/cases';
import { getSettings, updateSettings } from '../repos/settings';
import * as sources from '../repos/sources';
import * as vocab from '../repos/vocab';
import { exportHandlers } from './export-handlers';
import { backupHandlers } from './backup-handlers';
import { callHandlers } from './calls-handlers';
import { newsletterHandlers } from './newsletter-handlers';
import { importHandlers } from './import-handlers';
import { registerHandlers } from './register-handlers';
import { checkCase, checkRawText } from '../proofread/check';
import { assertReadyToIssue, checkBatch, unwaive, waive } from '../proofread/batch';
import { applyFixes } from '../proofread/fixes';
import { applyBatchFixes, planBatchFixes } from '../proofread/batch-fixes';
import { searchCases, searchSnippets } from '../search/search';
import { computeStats } from '../stats/stats';
import type { HandlerTable } from './dispatch';
import type { Host } from './host';

export interface HandlerContext {
  db: Db;
  dbFile: string;
  host: Host;
}

const ok = { ok: true } as const;

/** The one table of handlers behind both transports and the tests. */
export function createHandlers(ctx: HandlerContext): HandlerTable {
  const { db } = ctx;
  return {
    'app.info': () => ({ version: ctx.host.version, dbFile: ctx.dbFile, schemaVersion: schemaVersion(db), transport: ctx.host.transport }),

    'units.list': () => vocab.listUnits(db),
    'units.save': ({ id, name, kind }) =>
      db.transaction(() => {
        if (!id) return vocab.createUnit(db, name, kind);
        const unit = vocab.updateUnit(db, id, { name, kind });
        cases.reindexCasesOfUnit(db, id); // the unit's name is part of each case's search text
        return unit;
      })(),
    'units.reorder': ({ ids }) => vocab.reorderUnits(db, ids),
    'units.delete': ({ id }) => (vocab.deleteUnit(db, id), ok),

    'fields.list': () => vocab.listFields(db),
    'fields.save': ({ id, name }) => (id ? vocab.renameField(db, id, name) : vocab.createField(db, name)),
    'fields.reorder': ({ ids }) => vocab.reorderFields(db, ids),
    'fields.delete': ({ id }) => (vocab.deleteField(db, id), ok),

    'sources.list': () => sources.listSources(db),
    'sources.save': (input) => sources.saveSource(db, input),
    'sources.delete': ({ id }) => (sources.deleteSource(db, id), ok),

    'cases.list': (filter) => cases.listCases(db, filter),
    'cases.get': ({ id }) => cases.getCase(db, id),
    'cases.create': ({ clientToken, ...content }) => cases.createCase(db, content, undefined, clientToken),
    'cases.update': ({ id, content, ...options }) => cases.updateCase(db, id, content, options),
    'cases.delete': ({ id }) => cases.deleteCase(db, id),
    'cases.restore': ({ id }) => cases.restoreCase(db, id),
    'cases.duplicate': ({ id }) => cases.duplicateCase(db, id),
    'cases.revisions': ({ id }) => cases.listRevisions(db, id),
    'cases.restoreRevision': ({ id, revision }) => cases.restoreRevision(db, id, revision),

    'batches.list': () => batches.listBatches(db),
    'batches.get': ({ id }) => batches.getBatch(db, id),
    'batches.create': ({ caseIds, ...input }) =>
      db.transaction(() => {
        batches.assertCasesUsable(db, caseIds ?? []);
        const batch = batches.createBatch(db, input);
        return batches.setBatchItems(db, batch.id, caseIds ?? []);
      })(),
    'batches.update': ({ id, ...patch }) => (batches.updateBatch(db, id, patch), batches.getBatch(db, id)),
    'batches.setItems': ({ id, caseIds }) => batches.setBatchItems(db, id, caseIds),
    'batches.sortByUnit': ({ id }) => batches.sortBatchByUnit(db, id),
    'batches.draftBody': ({ id }) => {
      const batch = batches.getBatch(db, id);
      const unitIds = new Set(batch.items.map((i) => i.case.unitId));
      const units = vocab.listUnits(db).filter((u) => unitIds.has(u.id));
      return draftCircularBody(batch.kind, batch.ordinal, batch.items.length, units, batch.circular.body);
    },
    'batches.issue': ({ id }) =>
      db.transaction(() => {
        assertReadyToIssue(db, id);
        return batches.issueBatch(db, id);
      })(),
    'batches.delete': ({ id }) => (batches.deleteBatch(db, id), ok),
    'batches.nextDocNumber': ({ code, year, batchId }) => ({ seq: batches.nextDocSeq(db, code, year, batchId ?? null) }),

    'import.file': ({ fileName, base64 }) => importFile(db, Buffer.from(base64, 'base64'), fileName),

    ...exportHandlers(ctx),

    'search.query': ({ query, filter, limit }) => searchCases(db, query, filter ?? {}, limit),
    'search.snippets': ({ query, caseIds }) => searchSnippets(db, query, caseIds),
    'stats.get': ({ batchId }) => computeStats(db, { batchId }),

    'proofread.case': ({ content, caseId }) => {
      const unitName = vocab.listUnits(db).find((u) => u.id === content.unitId)?.name;
      return checkCase({ ...content, unitName }, { caseId: caseId ?? null, caseSeq: null }, getSettings(db));
    },
    'proofread.batch': ({ id }) => checkBatch(db, id),
    'proofread.text': ({ text }) => checkRawText(text, getSettings(db)),
    'proofread.applyFixes': ({ caseId, fixes, expectedRevision }) => {
      const current = cases.getCase(db, caseId);
      return cases.updateCase(db, caseId, applyFixes(cases.contentOf(current), fixes), { expectedRevision, note: `规范检查修复 ${fixes.length} 处` });
    },
    'proofread.waive': ({ batchId, keys, reason }) => (waive(db, batchId, keys, reason), ok),
    'proofread.unwaive': ({ batchId, keys }) => (unwaive(db, batchId, keys), ok),

    'settings.get': () => getSettings(db),
    'settings.update': (patch) => updateSettings(db, patch),

    ...backupHandlers(ctx), // data safety: backups and restore
    // safety-ui
    'proofread.batchFixPlan': ({ id, ...options }) => planBatchFixes(db, id, options),
    'proofread.batchFixApply': ({ id, ...options }) => applyBatchFixes(db, id, options),
    ...callHandlers(db),
    ...newsletterHandlers(db), // 《自贸动态》
    ...importHandlers(db),
    ...registerHandlers(db),
  };
}
