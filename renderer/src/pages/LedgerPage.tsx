import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Segmented, Select, Spin, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '../../../shared/domain';
import { REPLICATION_STATUSES, REPLICATION_STATUS_LABELS, formatRate, type Ledger, type ReplicationStatus } from '../../../shared/register';
import { api } from '../api';
import { useExport } from '../components/ExportResult';
import { errorText } from '../format';
import { DialogKeys } from '../components/DialogKeys';
import { EmptyHint } from '../components/EmptyHint';

// 复制推广台账: units down, experiences across. A cell is entered from the keyboard: arrows move, 1–4 set
// 未启动 / 推进中 / 已复制 / 不适用 (dated the day the ledger is shown for), Enter opens the cell's detail (date,
// 责任单位, 联络员, 佐证说明). Every change is a new dated entry: the history is kept.

const STATUS_COLORS: Record<ReplicationStatus, string> = {
  planned: '#fafafa',
  in_progress: '#fff7e6',
  copied: '#f6ffed',
  not_applicable: '#f0f0f0',
};
const KEYS: Record<string, ReplicationStatus> = { '1': 'planned', '2': 'in_progress', '3': 'copied', '4': 'not_applicable' };

export function LedgerPage() {
  const { message } = App.useApp();
  const [at, setAt] = useState(() => dayjs().format('YYYY-MM-DD'));
  const [ledger, setLedger] = useState<Ledger | null>(null);
  const [kinds, setKinds] = useState<string[]>(['area']);
  const [filter, setFilter] = useState('');
  const runExport = useExport();
  const grid = useRef<HTMLTableElement>(null);
  type Detail = { unitId: number; experienceId: number; title: string; status: ReplicationStatus; date: string; responsible: string; contact: string; note: string };
  const [detail, setDetail] = useState<Detail | null>(null);

  const load = useCallback(async () => setLedger(await api['register.ledger']({ at })), [at]);
  useEffect(() => {
    load().catch((e) => message.error(errorText(e)));
  }, [load, message]);

  const units = useMemo(() => (ledger?.units ?? []).filter((u) => kinds.length === 0 || kinds.includes(u.kind)), [ledger, kinds]);
  const experiences = useMemo(
    () => (ledger?.experiences ?? []).filter((e) => !filter || `${e.name}${e.batchLabel}${e.origin}${e.area}`.includes(filter.trim())),
    [ledger, filter],
  );
  const cellOf = useMemo(() => {
    const m = new Map<string, Ledger['cells'][number]>();
    for (const c of ledger?.cells ?? []) m.set(`${c.unitId}:${c.experienceId}`, c);
    return m;
  }, [ledger]);
  const rateOf = useMemo(() => new Map((ledger?.rates.units ?? []).map((r) => [r.unitId, r])), [ledger]);
  // Units down and experiences across, or the reverse: the grid is the same, read by the other axis.
  const [transposed, setTransposed] = useState(false);
  const unitAxis = units.map((u) => {
    const rate = rateOf.get(u.id);
    return { id: u.id, label: u.name, title: u.name, rate: rate ? `${rate.copied}/${rate.applicable} ${formatRate(rate.rate)}` : '—' };
  });
  const experienceAxis = experiences.map((e) => ({ id: e.id, label: e.name, title: `${e.name}\n${e.batchLabel}${e.origin ? `\n原创新负责部门（单位）：${e.origin}` : ''}`, rate: '' }));
  const [down, across] = transposed ? [experienceAxis, unitAxis] : [unitAxis, experienceAxis];
  const pair = (rowId: number, colId: number) => (transposed ? { unitId: colId, experienceId: rowId } : { unitId: rowId, experienceId: colId });

  const set = async (unitId: number, experienceId: number, status: ReplicationStatus) => {
    try {
      setLedger(await api['register.setReplications']({ cells: [{ unitId, experienceId, status, date: at }], at }));
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const focusCell = (r: number, c: number) => {
    const el = grid.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`);
    el?.focus();
  };
  const onKey = (e: KeyboardEvent<HTMLElement>, r: number, c: number, unitId: number, experienceId: number) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[e.key]) {
      e.preventDefault();
      focusCell(Math.max(0, Math.min(down.length - 1, r + moves[e.key]![0])), Math.max(0, Math.min(across.length - 1, c + moves[e.key]![1])));
    } else if (KEYS[e.key]) {
      e.preventDefault();
      void set(unitId, experienceId, KEYS[e.key]!);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const cell = cellOf.get(`${unitId}:${experienceId}`);
      const u = units.find((x) => x.id === unitId)!;
      const x = experiences.find((y) => y.id === experienceId)!;
      setDetail({ unitId, experienceId, title: `${u.name}·${x.name}`, status: cell?.status ?? 'in_progress', date: at, responsible: cell?.responsible ?? '', contact: cell?.contact ?? '', note: cell?.note ?? '' });
    }
  };
  const saveDetail = async () => {
    if (!detail) return;
    const { unitId, experienceId, status, date, responsible, contact, note } = detail;
    try {
      setLedger(await api['register.setReplications']({ cells: [{ unitId, experienceId, status, date, responsible, contact, note }], at }));
      setDetail(null);
    } catch (e) {
      message.error(errorText(e));
    }
  };

  if (!ledger) return <Spin />;
  const total = ledger.rates.total;
  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>复制推广台账</Typography.Title>
        <DatePicker aria-label="截至日期" allowClear={false} value={dayjs(at)} onChange={(d) => d && setAt(d.format('YYYY-MM-DD'))} />
        <Select
          aria-label="单位类别"
          mode="multiple"
          allowClear
          placeholder="全部单位"
          style={{ minWidth: 200 }}
          value={kinds}
          onChange={setKinds}
          options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
        />
        <Input.Search aria-label="筛选经验" allowClear placeholder="筛选经验（名称、批次、来源）" style={{ width: 260 }} onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} />
        <Segmented<'units' | 'experiences'>
          value={transposed ? 'experiences' : 'units'}
          onChange={(v) => setTransposed(v === 'experiences')}
          options={[
            { value: 'units', label: '单位在左' },
            { value: 'experiences', label: '经验在左' },
          ]}
        />
        <span className="grow" />
        <Button icon={<FileExcelOutlined />} onClick={() => runExport(() => api['export.ledgerXlsx']({ at }), '复制推广台账')}>
          导出 Excel
        </Button>
      </div>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title={`经验总数（截至 ${ledger.at}）`} value={ledger.rates.experiences} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="应复制数（不含不适用）" value={total.applicable} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="已复制" value={total.copied} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="总体复制推广率" value={formatRate(total.rate)} valueStyle={{ color: '#a8071a' }} />
            <span data-testid="overall-rate" hidden>
              {formatRate(total.rate)}
            </span>
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">
        选中格子后按 1 未启动、2 推进中、3 已复制、4 不适用，方向键移动，回车填写日期、责任单位、联络员和佐证说明；状态记在所选日期（{ledger.at}）。
      </Typography.Paragraph>
      {experiences.length === 0 ? (
        <EmptyHint>
          台账按经验目录逐条登记各单位的复制推广情况，目录还是空的：先在<a href="#/experiences">“经验目录”</a>导入或添加经验
        </EmptyHint>
      ) : (
        <div className="ledger-scroll" style={{ overflow: 'auto', maxHeight: 'calc(100vh - 300px)', border: '1px solid #f0f0f0' }}>
          <table ref={grid} className="ledger-grid" role="grid" aria-label="复制推广台账" style={{ borderCollapse: 'collapse', fontSize: 13 }}>
            <thead>
              <tr>
                <th style={{ position: 'sticky', left: 0, top: 0, zIndex: 2, background: '#fafafa', minWidth: 120, padding: 6, textAlign: 'left' }}>{transposed ? '经验' : '单位'}</th>
                {!transposed && <th style={{ position: 'sticky', top: 0, zIndex: 1, background: '#fafafa', minWidth: 90, padding: 6 }}>复制推广率</th>}
                {across.map((a) => (
                  <th key={a.id} title={a.title} style={{ position: 'sticky', top: 0, background: '#fafafa', minWidth: 96, maxWidth: 140, padding: 6, fontWeight: 500 }}>
                    {a.label}
                    {transposed && <div style={{ fontWeight: 400, color: '#8c8c8c' }}>{a.rate}</div>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {down.map((d, r) => (
                <tr key={d.id}>
                  <th scope="row" title={d.title} style={{ position: 'sticky', left: 0, background: '#fff', padding: 6, textAlign: 'left', fontWeight: 500 }}>
                    {d.label}
                  </th>
                  {!transposed && (
                    <td data-testid={`rate-${d.label}`} style={{ padding: 6, textAlign: 'center' }}>
                      {d.rate}
                    </td>
                  )}
                  {across.map((a, c) => {
                    const { unitId, experienceId } = pair(d.id, a.id);
                    const cell = cellOf.get(`${unitId}:${experienceId}`);
                    const status = cell?.status ?? null;
                    return (
                      <td key={a.id} style={{ padding: 0, border: '1px solid #f0f0f0' }}>
                        <select
                          data-cell={`${r}:${c}`}
                          aria-label={transposed ? `${a.label}·${d.label}` : `${d.label}·${a.label}`}
                          value={status ?? ''}
                          onKeyDown={(ev) => onKey(ev, r, c, unitId, experienceId)}
                          onChange={(ev) => ev.target.value && void set(unitId, experienceId, ev.target.value as ReplicationStatus)}
                          title={cell ? `${cell.date}${cell.note ? `：${cell.note}` : ''}` : '未登记'}
                          style={{ width: '100%', border: 0, padding: '6px 4px', background: status ? STATUS_COLORS[status] : '#fff', font: 'inherit' }}
                        >
                          <option value="">—</option>
                          {REPLICATION_STATUSES.map((st) => (
                            <option key={st} value={st}>
                              {REPLICATION_STATUS_LABELS[st]}
                            </option>
                          ))}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Modal open={detail !== null} title={detail?.title} onCancel={() => setDetail(null)} onOk={() => void saveDetail()} okText="保存" cancelText="取消" destroyOnHidden>
        {detail && (
          <DialogKeys onSubmit={() => void saveDetail()}>
          <Form layout="vertical">
            <Form.Item label="状态">
              <Select aria-label="状态" value={detail.status} onChange={(status) => setDetail({ ...detail, status })} options={REPLICATION_STATUSES.map((x) => ({ value: x, label: REPLICATION_STATUS_LABELS[x] }))} />
            </Form.Item>
            <Form.Item label="日期">
              <DatePicker aria-label="日期" allowClear={false} value={dayjs(detail.date)} onChange={(d) => d && setDetail({ ...detail, date: d.format('YYYY-MM-DD') })} />
            </Form.Item>
            <Form.Item label="责任单位">
              <Input aria-label="责任单位" maxLength={200} value={detail.responsible} onChange={(e) => setDetail({ ...detail, responsible: e.target.value })} />
            </Form.Item>
            <Form.Item label="联络员">
              <Input aria-label="联络员" maxLength={100} value={detail.contact} onChange={(e) => setDetail({ ...detail, contact: e.target.value })} />
            </Form.Item>
            <Form.Item label="佐证说明">
              <Input.TextArea aria-label="佐证说明" maxLength={2000} autoSize={{ minRows: 2 }} value={detail.note} onChange={(e) => setDetail({ ...detail, note: e.target.value })} />
            </Form.Item>
          </Form>
          </DialogKeys>
        )}
      </Modal>
    </>
  );
}
