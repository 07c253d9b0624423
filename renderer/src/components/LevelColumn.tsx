import { Tag, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CaseRow } from '../../../shared/domain';
import { CASE_LEVEL_LABELS, CASE_LEVEL_RANK, type CaseLevel } from '../../../shared/register-constants'; // no zod in the first window
import { api } from '../api';
import { takeAnswered } from '../transport';
import type { TableColumn } from './VirtualTable';

const LEVEL_SHORT: Record<CaseLevel, string> = {
  area: '片区级',
  provincial_typical: '省级典型',
  provincial_excellent: '省级优秀',
  national_best_practice: '全国最佳',
  national_promoted: '国家推广',
};

// The case library's 级别 column: each case's current level from the register's level history.
export function useLevelColumn(): TableColumn<CaseRow> {
  const [preloaded] = useState(() => takeAnswered('register.currentLevels', {})); // the first window's early call
  const [levels, setLevels] = useState<Map<number, CaseLevel>>(() => new Map(preloaded?.map((l) => [l.caseId, l.level])));
  useEffect(() => {
    if (preloaded) return;
    api['register.currentLevels']({})
      .then((list) => setLevels(new Map(list.map((l) => [l.caseId, l.level]))))
      .catch(() => setLevels(new Map())); // the column stays empty; the library itself must not fail for it
  }, [preloaded]);
  // One column per levels' answer: the table sorts again when its compare changes, not at each render.
  return useMemo(() => {
    const rank = (r: CaseRow) => {
      const l = levels.get(r.id);
      return l ? CASE_LEVEL_RANK[l] : 0;
    };
    return {
      title: '级别',
      key: 'level',
      compare: (a: CaseRow, b: CaseRow) => rank(a) - rank(b),
      render: (r: CaseRow) => {
        const l = levels.get(r.id);
        // a short tag keeps the library within 1366 pixels; the whole name is in the tooltip
        return l ? (
          <Tooltip title={CASE_LEVEL_LABELS[l]}>
            <Tag color={CASE_LEVEL_RANK[l] >= 4 ? 'red' : 'orange'}>{LEVEL_SHORT[l]}</Tag>
          </Tooltip>
        ) : null;
      },
    };
  }, [levels]);
}
