import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDemo, DEMO_FILE } from '../../seeds/generate';
import { listBatches, getBatch } from '../../electron/core/repos/batches';
import { listUnits } from '../../electron/core/repos/vocab';
import { tempCasebook, SEED_CIRCULAR } from '../helpers/tmp';

describe('demo data', () => {
  it('is what the project importer makes of the seed circular today (regenerate with npm run seed)', () => {
    const stored = JSON.parse(fs.readFileSync(DEMO_FILE, 'utf8'));
    expect(stored).toEqual(JSON.parse(JSON.stringify(buildDemo(SEED_CIRCULAR))));
  });

  it('is loaded into a new database, and not with seed: false', () => {
    const withDemo = tempCasebook();
    expect(withDemo.created).toBe(true);
    const [batch] = listBatches(withDemo.db);
    expect(batch).toMatchObject({ itemCount: 28, ordinal: 3, status: 'issued' });
    const detail = getBatch(withDemo.db, batch!.id);
    const units = listUnits(withDemo.db);
    // the seed's units are the defaults, so their official order is kept
    expect(units.findIndex((u) => u.name === '大庆市')).toBeLessThan(units.findIndex((u) => u.name === '绥芬河片区'));
    expect(detail.items[0]!.case.unitName).toBe('大庆市');
    expect(listBatches(tempCasebook({ seed: false }).db)).toEqual([]);
  });
});
