import { App, Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatDocNumber, DOC_NUMBER_PATTERN } from '../../../shared/docnumber';
import { LAYOUT_LABELS, LAYOUTS, type BatchDetail, type Circular } from '../../../shared/domain';
import { api } from '../api';
import { errorText } from '../format';

// The circular's fields (GB/T 9704-2012), with the drafted defaults a button away.
export function CircularForm({ batch, value, onChange, disabled }: { batch: BatchDetail; value: Circular; onChange: (c: Circular) => void; disabled: boolean }) {
  const { message } = App.useApp();
  const set = (patch: Partial<Circular>) => onChange({ ...value, ...patch });
  const number = value.docYear && value.docSeq ? formatDocNumber({ code: value.docCode, year: value.docYear, seq: value.docSeq }) : '';
  const date = (iso: string | null) => (iso ? dayjs(iso) : null);
  return (
    <Form layout="vertical" size="small" disabled={disabled}>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label="发文机关" style={{ marginBottom: 8 }}>
            <Input aria-label="发文机关" value={value.organ} onChange={(e) => set({ organ: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label="发文字号" style={{ marginBottom: 8 }} help={number && !DOC_NUMBER_PATTERN.test(number) ? '机关代字应为汉字' : number}>
            <Space.Compact>
              <Input aria-label="机关代字" style={{ width: 140 }} value={value.docCode} onChange={(e) => set({ docCode: e.target.value })} />
              <Input style={{ width: 28, pointerEvents: 'none' }} value="〔" readOnly tabIndex={-1} />
              <InputNumber aria-label="年份" style={{ width: 80 }} min={1990} max={2100} value={value.docYear} onChange={(v) => set({ docYear: v })} />
              <Input style={{ width: 28, pointerEvents: 'none' }} value="〕" readOnly tabIndex={-1} />
              <InputNumber aria-label="序号" style={{ width: 70 }} min={1} value={value.docSeq} onChange={(v) => set({ docSeq: v })} />
              <Input style={{ width: 32, pointerEvents: 'none' }} value="号" readOnly tabIndex={-1} />
              <Button
                onClick={async () => {
                  const year = value.docYear ?? new Date().getFullYear();
                  const { seq } = await api['batches.nextDocNumber']({ code: value.docCode, year });
                  set({ docYear: year, docSeq: seq });
                }}
              >
                下一个可用文号
              </Button>
            </Space.Compact>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="标题" style={{ marginBottom: 8 }}>
        <Input aria-label="通知标题" value={value.title} onChange={(e) => set({ title: e.target.value })} />
      </Form.Item>
      <Form.Item label="主送机关" style={{ marginBottom: 8 }}>
        <Input.TextArea aria-label="主送机关" autoSize value={value.addressees} onChange={(e) => set({ addressees: e.target.value })} />
      </Form.Item>
      <Form.Item label="正文" style={{ marginBottom: 8 }}>
        {value.body.map((p, i) => (
          <div className="para-row" key={i}>
            <Input.TextArea aria-label={`正文第${i + 1}段`} autoSize value={p} onChange={(e) => set({ body: value.body.map((x, j) => (j === i ? e.target.value : x)) })} />
            <Button size="small" type="text" danger onClick={() => set({ body: value.body.filter((_, j) => j !== i) })}>
              删除
            </Button>
          </div>
        ))}
        <Space>
          <Button size="small" onClick={() => set({ body: [...value.body, ''] })}>
            添加段落
          </Button>
          <Button
            size="small"
            onClick={async () => {
              try {
                set({ body: await api['batches.draftBody']({ id: batch.id }) });
              } catch (e) {
                message.error(errorText(e));
              }
            }}
          >
            按批次内容起草
          </Button>
          <Typography.Text type="secondary">按第几批、案例数和单位起草，可再修改</Typography.Text>
        </Space>
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="附件名称" style={{ marginBottom: 8 }}>
            <Input aria-label="附件名称" value={value.attachmentNote} onChange={(e) => set({ attachmentNote: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="署名" style={{ marginBottom: 8 }}>
            <Input aria-label="署名" value={value.signature} onChange={(e) => set({ signature: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="成文日期" style={{ marginBottom: 8 }}>
            <DatePicker aria-label="成文日期" style={{ width: '100%' }} value={date(value.date)} onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : null })} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="抄送" style={{ marginBottom: 8 }}>
            <Input aria-label="抄送" value={value.cc} placeholder="可空；名称间用逗号分隔" onChange={(e) => set({ cc: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="印发机关" style={{ marginBottom: 8 }}>
            <Input aria-label="印发机关" value={value.printedBy} onChange={(e) => set({ printedBy: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="印发日期" style={{ marginBottom: 8 }}>
            <DatePicker aria-label="印发日期" style={{ width: '100%' }} value={date(value.printedDate)} onChange={(d) => set({ printedDate: d ? d.format('YYYY-MM-DD') : null })} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="版式" style={{ marginBottom: 0 }}>
        <Radio.Group value={value.layout} onChange={(e) => set({ layout: e.target.value })} options={LAYOUTS.map((l) => ({ value: l, label: LAYOUT_LABELS[l] }))} />
      </Form.Item>
    </Form>
  );
}
