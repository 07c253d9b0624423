import type { CallDetail } from '../../../shared/calls';
import { batchTitle, formatChineseDate, unitPhrase } from '../../../shared/circular';
import type { BatchDetail, Circular, Settings, Unit } from '../../../shared/domain';
import { nextOrdinal } from '../repos/batches';
import type { Db } from '../db/connection';
import { localDay } from './calls';

// The 征集 notice: a 通知 in the circular's format (same masthead, layout and fonts), drafted from the call —
// what is asked, from whom, by when — with no attachment. The clerk edits the result in Word if needed.

const SECTIONS: Record<CallDetail['kind'], string> = {
  replication: '“一、复制推广事项介绍　二、主要做法　三、实践效果　四、下一步工作思路”',
  innovation: '“一、基本情况　二、主要做法　三、实践效果　四、下一步工作思路”',
};

export function draftNotice(db: Db, call: CallDetail, settings: Settings, units: Unit[], today = localDay(new Date().toISOString())): Circular {
  const batch = batchTitle(call.kind, nextOrdinal(db, call.kind));
  const asked = units.filter((u) => call.units.some((c) => c.unitId === u.id));
  const perUnit = new Set(call.units.map((u) => u.expected));
  const count = perUnit.size === 1 ? `每个单位报送${[...perUnit][0]}个案例` : '按所列数量报送案例';
  return {
    organ: settings.organ,
    docCode: settings.docCode,
    docYear: null,
    docSeq: null,
    title: `关于征集${batch}的通知`,
    addressees: unitPhrase(asked) || asked.map((u) => u.name).join('、'),
    body: [
      `为进一步发挥典型带动作用，总结推广我省自贸试验区${call.kind === 'replication' ? '复制推广改革试点经验的好做法' : '制度创新实践经验'}，省自贸办决定开展${batch}征集工作。现将有关事项通知如下。`,
      `请各单位认真梳理本地区、本部门${call.kind === 'replication' ? '复制推广效果较好的事项' : '首创性强、成效明显的制度创新成果'}，${count}，于${formatChineseDate(call.deadline)}前报送省自贸办。`,
      `案例材料请用 Word 格式，标题下注明“（××提供）”，正文按${SECTIONS[call.kind]}撰写，并注明联系人及联系电话。`,
      ...(call.note.trim() ? call.note.split(/\n+/u).map((p) => p.trim()).filter(Boolean) : []),
    ],
    attachmentNote: '',
    signature: settings.organ,
    date: today,
    cc: '',
    printedBy: settings.printedBy || settings.organ,
    printedDate: today,
    layout: settings.layout,
  };
}

/** The notice as the circular exporter takes it: a batch-shaped record with no items and no attachment. */
export function noticeAsBatch(call: CallDetail, circular: Circular): BatchDetail {
  return {
    id: call.id,
    kind: call.kind,
    ordinal: 1,
    title: call.title,
    status: 'draft',
    issuedAt: null,
    circular,
    createdAt: call.createdAt,
    updatedAt: call.createdAt,
    itemCount: 0,
    items: [],
  };
}
