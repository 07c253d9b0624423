import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Row, Segmented, Select, Spin, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { STAT_DIMS, STAT_DIM_LABELS, formatRate, type CrossTable, type ReportFigures, type StatDim } from '../../../shared/register';
import { api } from '../api';
import { useExport } from '../components/ExportResult';
import { errorText } from '../format';
import { EmptyHint, START_WITH_CASES } from '../components/EmptyHint';

// 交叉统计: cases counted over any two dimensions in a date range, with the figures a report needs at once.

type Span = 'all' | 'ytd' | 'year' | 'custom';

function rangeOf(span: Span, year: number, custom: [string, string] | null): { from: string | null; to: string | null } {
  const today = dayjs().format('YYYY-MM-DD');
  if (span === 'ytd') return { from: `${dayjs().year()}-01-01`, to: today };
  if (span === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (span === 'custom' && custom) return { from: custom[0], to: custom[1] };
  return { from: null, to: null };
}

export function CrossTablePage() {
  const { message } = App.useApp();
  const [rows, setRows] = useState<StatDim>('unit');
  const [cols, setCols] = useState<StatDim>('level');
  const [span, setSpan] = useState<Span>('all');
  const [year, setYear] = useState(dayjs().year());
  const [custom, setCustom] = useState<[string, string] | null>(null);
  const [table, setTable] = useState<CrossTable | null>(null);
  const [figures, setFigures] = useState<ReportFigures | null>(null);
  const runExport = useExport();
  const range = rangeOf(span, year, custom);

  useEffect(() => {
    const r = rangeOf(span, year, custom);
    api['register.crossTable']({ rows, cols, ...r })
      .then(setTable)
      .catch((e) => message.error(errorText(e)));
    api['register.figures']({ to: r.to ?? dayjs().format('YYYY-MM-DD') })
      .then(setFigures)
      .catch((e) => message.error(errorText(e)));
  }, [rows, cols, span, year, custom, message]);

  const dims = STAT_DIMS.map((d) => ({ value: d, label: STAT_DIM_LABELS[d] }));
  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>交叉统计</Typography.Title>
        <Select aria-label="行" value={rows} onChange={setRows} options={dims} style={{ width: 120 }} />
        <span>×</span>
        <Select aria-label="列" value={cols} onChange={setCols} options={dims} style={{ width: 120 }} />
        <Segmented<Span>
          value={span}
          onChange={setSpan}
          options={[
            { value: 'all', label: '全部' },
            { value: 'ytd', label: '今年以来' },
            { value: 'year', label: '某年' },
            { value: 'custom', label: '任意时段' },
          ]}
        />
        {span === 'year' && <DatePicker picker="year" aria-label="年份" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} />}
        {span === 'custom' && (
          <DatePicker.RangePicker
            aria-label="时段"
            onChange={(d) => setCustom(d && d[0] && d[1] ? [d[0].format('YYYY-MM-DD'), d[1].format('YYYY-MM-DD')] : null)}
          />
        )}
        <span className="grow" />
        <Button icon={<FileExcelOutlined />} disabled={!table} onClick={() => runExport(() => api['export.crossTableXlsx']({ rows, cols, ...range }), '交叉统计表')}>
          导出 Excel
        </Button>
      </div>
      {figures && (
        <Row gutter={12} style={{ marginBottom: 12 }}>
          {figures.casesByLevel.slice(1).map((l) => (
            <Col key={l.level} flex={1}>
              <Card size="small">
                <Statistic title={`${l.level}（累计，含以上）`} value={l.atLeast} />
              </Card>
            </Col>
          ))}
          <Col flex={1}>
            <Card size="small">
              <Statistic title={`复制推广率（截至 ${figures.to}）`} value={`${figures.replication.copied}/${figures.replication.applicable} ${formatRate(figures.replication.rate)}`} />
            </Card>
          </Col>
        </Row>
      )}
      {!table ? (
        <Spin />
      ) : (
        <Table
          size="small"
          rowKey="key"
          bordered
          pagination={false}
          data-testid="cross-table"
          scroll={{ x: true }}
          dataSource={table.rowKeys.map((key, i) => ({ key, cells: table.cells[i]!, total: table.rowTotals[i]! }))}
          locale={{ emptyText: <EmptyHint>还没有案例可交叉统计。{START_WITH_CASES}，并在案例页的“级别沿革”中登记级别</EmptyHint> }}
          columns={[
            { title: `${STAT_DIM_LABELS[table.rows]}＼${STAT_DIM_LABELS[table.cols]}`, dataIndex: 'key', fixed: 'left' },
            ...table.colKeys.map((k, j) => ({ title: k, key: k, align: 'right' as const, render: (_: unknown, r: { cells: number[] }) => r.cells[j] || '' })),
            { title: '合计', dataIndex: 'total', align: 'right' as const },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              {table.colTotals.map((n, j) => (
                <Table.Summary.Cell key={j} index={j + 1} align="right">
                  {n}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={table.colKeys.length + 1} align="right">
                {table.total}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </>
  );
}
