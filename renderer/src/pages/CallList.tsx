import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Empty, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { CALL_KINDS, CALL_KIND_LABELS, type Call, type CallKind } from '../../../shared/calls';
import { api, ApiCallError } from '../api';
import { errorText } from '../format';
import { navigate } from '../router';
import { useVocab } from '../vocab';
import { DialogKeys } from '../components/DialogKeys';

// 征集: the calls for submissions, newest deadline first, and a form to start one.

interface NewCall {
  title: string;
  kind: CallKind;
  deadline: Dayjs;
  unitIds: number[];
  expected: number;
  note: string;
}

export function CallList() {
  const { message } = App.useApp();
  const { units } = useVocab();
  const [calls, setCalls] = useState<Call[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewCall>();

  const load = useCallback(async () => setCalls(await api['calls.list']({})), []);
  useEffect(() => {
    load().catch((e) => message.error(errorText(e)));
  }, [load, message]);

  const create = async () => {
    const v = await form.validateFields();
    try {
      const call = await api['calls.create']({
        title: v.title,
        kind: v.kind,
        deadline: v.deadline.format('YYYY-MM-DD'),
        units: v.unitIds.map((unitId) => ({ unitId, expected: v.expected })),
        note: v.note ?? '',
      });
      setCreating(false);
      navigate({ page: 'call', id: call.id });
    } catch (e) {
      // A refused field is marked at the field, not only in a toast.
      const issues = e instanceof ApiCallError ? (e.error.issues ?? []) : [];
      const map: Record<string, keyof NewCall> = { title: 'title', deadline: 'deadline', units: 'unitIds' };
      const fields = issues.filter((i) => map[i.path.split('.')[0]!]).map((i) => ({ name: map[i.path.split('.')[0]!]!, errors: [i.message] }));
      if (fields.length) form.setFields(fields);
      else message.error(errorText(e));
    }
  };

  const open = () => {
    form.setFieldsValue({
      title: `${dayjs().year()}年${CALL_KIND_LABELS.replication}典型案例征集`,
      kind: 'replication',
      deadline: dayjs().add(30, 'day'),
      unitIds: units.filter((u) => u.kind === 'city' || u.kind === 'area').map((u) => u.id),
      expected: 1,
      note: '',
    });
    setCreating(true);
  };

  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>征集与评选</Typography.Title>
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={open}>
          新建征集
        </Button>
      </div>
      <Table<Call>
        rowKey="id"
        size="middle"
        loading={calls === null}
        dataSource={calls ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有征集。点“新建征集”，选择报送单位和截止日期，再把各单位报送的文件拖到征集页面。" /> }}
        onRow={(c) => ({ onDoubleClick: () => navigate({ page: 'call', id: c.id }) })}
        columns={[
          { title: '征集', dataIndex: 'title', render: (t: string, c) => <a href={`#/calls/${c.id}`}>{t}</a> },
          { title: '类型', dataIndex: 'kind', width: 100, render: (k: CallKind) => CALL_KIND_LABELS[k] },
          {
            title: '截止日期',
            dataIndex: 'deadline',
            width: 130,
            render: (d: string) => (
              <span>
                {d} {d < dayjs().format('YYYY-MM-DD') && <Tag color="default">已截止</Tag>}
              </span>
            ),
          },
          { title: '单位', dataIndex: 'unitCount', width: 70, align: 'center' },
          { title: '已收 / 应报', width: 110, align: 'center', render: (_, c) => `${c.received} / ${c.expected}` },
          { title: '批次', dataIndex: 'batchId', width: 90, render: (b: number | null) => (b ? <a href={`#/batches/${b}`}>已生成</a> : '') },
        ]}
      />
      <Modal title="新建征集" open={creating} onOk={create} onCancel={() => setCreating(false)} okText="创建" cancelText="取消" width={640} destroyOnHidden>
        <DialogKeys onSubmit={() => void create().catch(() => undefined)}>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="征集名称" rules={[{ required: true, message: '请填写征集名称' }, { max: 200, message: '不能超过 200 个字' }]}>
            <Input maxLength={200} showCount aria-label="征集名称" />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select aria-label="征集类型" options={CALL_KINDS.map((k) => ({ value: k, label: CALL_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="deadline" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
            <DatePicker aria-label="截止日期" format={['YYYY-MM-DD', 'YYYY/M/D', 'YYYY年M月D日']} />
          </Form.Item>
          <Form.Item name="unitIds" label="报送单位" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个报送单位' }]}>
            <Select aria-label="报送单位" mode="multiple" optionFilterProp="label" options={units.map((u) => ({ value: u.id, label: u.name }))} maxTagCount="responsive" />
          </Form.Item>
          <Form.Item name="expected" label="每单位应报案例数">
            <InputNumber aria-label="每单位应报案例数" min={0} max={99} />
          </Form.Item>
          <Form.Item name="note" label="补充要求（写入征集通知）">
            <Input.TextArea aria-label="补充要求" rows={2} maxLength={2000} showCount />
          </Form.Item>
        </Form>
        </DialogKeys>
      </Modal>
    </>
  );
}
