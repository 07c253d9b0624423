import type { Db } from '../db/connection';
import { deleteExperience, importCatalogue, listExperiences, previewCatalogue, saveExperience } from '../register/catalogue';
import { crossTable, reportFigures } from '../register/crosstab';
import { ledgerAt, rateReport, setReplications } from '../register/ledger';
import { addLevel, currentLevels, deleteLevel, listLevels, pickLevel, servedArea, setServedArea } from '../register/levels';
import { confirmProposals, pendingProposals } from '../register/propose';
import { notFound } from '../util';
import type { HandlerTable } from './dispatch';

type RegisterNames = Extract<keyof HandlerTable, `register.${string}`>;

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

/** A case's history with its current level and the 片区 it serves: what the case page shows. */
function caseLevels(db: Db, caseId: number) {
  const events = listLevels(db, caseId);
  return { events, current: currentLevels(db).get(caseId) ?? pickLevel(events), servedArea: servedArea(db, caseId) };
}

export function registerHandlers(db: Db): Pick<HandlerTable, RegisterNames> {
  return {
    'register.experiences': () => listExperiences(db),
    'register.saveExperience': (input) => saveExperience(db, input),
    'register.deleteExperience': ({ id }) => (deleteExperience(db, id), { ok: true as const }),
    'register.previewCatalogue': ({ fileName, base64 }) => previewCatalogue(db, bytesOf(base64), fileName),
    'register.importCatalogue': async ({ fileName, base64, acceptGoodRows }) => {
      const r = await importCatalogue(db, bytesOf(base64), fileName, { acceptGoodRows });
      return { created: r.created, updated: r.updated, skipped: r.skipped };
    },
    'register.ledger': ({ at }) => ledgerAt(db, at),
    'register.setReplications': ({ cells, at }) => (setReplications(db, cells), ledgerAt(db, at)),
    'register.rates': ({ at, unitId }) => rateReport(db, { at, unitId }),
    'register.levels': ({ caseId }) => caseLevels(db, caseId),
    'register.addLevel': ({ caseId, ...input }) => (addLevel(db, caseId, input), caseLevels(db, caseId)),
    'register.deleteLevel': ({ id }) => {
      const row = db.prepare('SELECT case_id FROM case_levels WHERE id = ?').get(id) as { case_id: number } | undefined;
      if (!row) throw notFound('级别记录', id);
      deleteLevel(db, id);
      return caseLevels(db, row.case_id);
    },
    'register.currentLevels': () => [...currentLevels(db)].map(([caseId, level]) => ({ caseId, level })),
    'register.setServedArea': ({ caseId, unitId }) => (setServedArea(db, caseId, unitId), caseLevels(db, caseId)),
    'register.crossTable': (options) => crossTable(db, options),
    'register.figures': ({ to }) => reportFigures(db, to),
    'register.proposals': () => pendingProposals(db),
    'register.confirmProposals': ({ items }) => ({ confirmed: confirmProposals(db, items) }),
  };
}
