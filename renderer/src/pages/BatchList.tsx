import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { batchTitle } from '../../../shared/circular';
import { formatDocNumber } from '../../../shared/docnumber';
import { BATCH_KINDS, BATCH_STATUS_LABELS, CASE_TYPE_LABELS, type Batch, type BatchKind } from '../../../shared/domain';
import { api } from '../api';
import { errorProps, fieldErrorsOf } from '../field-errors';
import { errorText, fmtDate } from '../format';
import { navigate } from '../router';
import { useVocab } from '../vocab';
import { DialogKeys } from '../components/DialogKeys';

export function BatchList() {
  const { message } = App.useApp();
  const { batches, reload } = useVocab();
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<BatchKind>('replication');
  const [ordinal, setOrdinal] = useState<number | null>(null);
  const [ordinalError, setOrdinalError] = useState<string | undefined>();
  const next = (k: BatchKind) => Math.max(0, ...batches.filter((b) => b.kind === k).map((b) => b.ordinal)) + 1;

  const create = async () => {
    try {
      const b = await api['batches.create']({ kind, ordinal: ordinal ?? next(kind) });
      await reload();
      setCreating(false);
      navigate({ page: 'batch', id: b.id });
    } catch (e) {
      // a taken 第N批 is marked at the field, in the dialog the clerk is looking at
      const byField = fieldErrorsOf(e);
      if (byField?.ordinal) setOrdinalError(byField.ordinal);
      else message.error(errorText(e));
    }
  };

  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>批次</Typography.Title>
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => (setOrdinal(next(kind)), setOrdinalError(undefined), setCreating(true))}>
          新建批次
        </Button>
      </div>
      <Table<Batch>
        rowKey="id"
        size="middle"
        dataSource={batches}
        pagination={false}
        locale={{ emptyText: '还没有批次：点「新建批次」，再从案例库挑选案例。' }}
        onRow={(b) => ({ onDoubleClick: () => navigate({ page: 'batch', id: b.id }) })}
        columns={[
          { title: '批次', dataIndex: 'title', render: (t: string, b) => <a href={`#/batches/${b.id}`}>{t}</a> },
          { title: '类型', dataIndex: 'kind', width: 150, render: (k: BatchKind) => CASE_TYPE_LABELS[k] },
          {
            title: '发文字号',
            width: 210,
            render: (_, b) => (b.circular.docYear && b.circular.docSeq ? formatDocNumber({ code: b.circular.docCode, year: b.circular.docYear, seq: b.circular.docSeq }) : ''),
          },
          { title: '案例数', dataIndex: 'itemCount', width: 80 },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: Batch['status']) => <Tag color={s === 'issued' ? 'green' : 'blue'}>{BATCH_STATUS_LABELS[s]}</Tag> },
          { title: '成文日期', width: 110, render: (_, b) => fmtDate(b.circular.date) },
        ]}
      />
      <Modal title="新建批次" open={creating} onOk={create} onCancel={() => setCreating(false)} okText="创建" cancelText="取消" destroyOnHidden>
        <DialogKeys onSubmit={() => void create()}>
        <Form layout="vertical">
          <Form.Item label="类型">
            <Select aria-label="批次类型" value={kind} onChange={(k) => (setKind(k), setOrdinal(next(k)), setOrdinalError(undefined))} options={BATCH_KINDS.map((k) => ({ value: k, label: CASE_TYPE_LABELS[k] }))} />
          </Form.Item>
          <Form.Item label="第几批" {...errorProps(ordinalError)}>
            <InputNumber aria-label="第几批" precision={0} min={1} max={999} value={ordinal} onChange={(v) => (setOrdinal(v), setOrdinalError(undefined))} />
          </Form.Item>
          <Typography.Text type="secondary">标题：{batchTitle(kind, ordinal ?? next(kind))}</Typography.Text>
        </Form>
        </DialogKeys>
      </Modal>
    </>
  );
}
