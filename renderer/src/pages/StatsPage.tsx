import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Spin, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Stats } from '../../../shared/domain';
import { api } from '../api';
import { CountChart } from '../components/BarChart';
import { useExport } from '../components/ExportResult';
import { useVocab } from '../vocab';
import { EmptyHint, START_WITH_CASES } from '../components/EmptyHint';

function Block({ title, rows, kind = 'bar' }: { title: string; rows: Stats['byUnit']; kind?: 'bar' | 'pie' }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      <Row gutter={8}>
        <Col span={14}>{rows.length ? <CountChart data={rows} kind={kind} height={Math.max(160, kind === 'bar' ? rows.length * 26 + 20 : 220)} /> : <EmptyHint>这个范围内没有案例：可在上方改选“全部案例”或另一个批次</EmptyHint>}</Col>
        <Col span={10}>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={rows}
            columns={[
              { title: title.replace(/^按/u, ''), dataIndex: 'label' },
              { title: '案例数', dataIndex: 'count', width: 72, align: 'right' },
            ]}
            summary={(data) => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {data.reduce((n, r) => n + r.count, 0)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}

export function StatsPage() {
  const { batches } = useVocab();
  const [batchId, setBatchId] = useState<number | undefined>();
  const [stats, setStats] = useState<Stats | null>(null);
  const runExport = useExport();
  useEffect(() => void api['stats.get']({ batchId }).then(setStats), [batchId]);
  if (!stats) return <Spin />;
  if (stats.total === 0 && batchId === undefined)
    return (
      <>
        <div className="page-head">
          <Typography.Title level={4}>统计</Typography.Title>
        </div>
        <EmptyHint>案例库里还没有案例，统计随案例自动生成。{START_WITH_CASES}。</EmptyHint>
      </>
    );
  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>统计</Typography.Title>
        <Select aria-label="统计范围" allowClear placeholder="全部案例" style={{ width: 300 }} value={batchId} onChange={setBatchId} options={batches.map((b) => ({ value: b.id, label: b.title }))} />
        <span className="grow" />
        <Button icon={<FileExcelOutlined />} onClick={() => runExport(() => api['export.statsXlsx']({ batchId }), '统计表')}>
          导出 Excel
        </Button>
      </div>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title={`${stats.scope}·案例总数`} value={stats.total} />
          </Card>
        </Col>
        {stats.byHonour.map((h) => (
          <Col span={6} key={h.key}>
            <Card size="small">
              <Statistic title={h.label} value={h.count} />
            </Card>
          </Col>
        ))}
        <Col span={6}>
          <Card size="small">
            <Statistic title="批次数" value={stats.byBatch.length} />
          </Card>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Block title="按单位" rows={stats.byUnit} />
          <Block title="按领域" rows={stats.byField} />
          <Block title="按批次" rows={stats.byBatch} />
        </Col>
        <Col span={12}>
          <Block title="按单位类别" rows={stats.byUnitKind} kind="pie" />
          <Block title="按类型" rows={stats.byType.filter((t) => t.count)} kind="pie" />
          <Block title="按状态" rows={stats.byStatus.filter((s) => s.count)} kind="pie" />
          <Block title="按年度" rows={stats.byYear} />
        </Col>
      </Row>
    </>
  );
}
