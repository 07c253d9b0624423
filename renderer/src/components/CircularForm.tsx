import { App, Button, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Space, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { formatDocNumber, DOC_NUMBER_PATTERN } from '../../../shared/docnumber';
import { DATE_YEAR_MAX, DATE_YEAR_MIN } from '../../../shared/dates';
import { LAYOUT_LABELS, LAYOUTS, type BatchDetail, type Circular } from '../../../shared/domain';
import { api } from '../api';
import { errorProps, type FieldErrors } from '../field-errors';
import { errorText } from '../format';
import { DateItem } from './DateItem';

const HAN_ONLY = /^\p{Script=Han}+$/u;

/** What the 发文字号 field says under itself: the refusal, a 机关代字 that is not all 汉字 (as typed), or the number. */
function docNumberHelp(value: Circular, error: string | undefined): { validateStatus?: 'error'; help?: string } {
  if (error) return errorProps(error);
  if (value.docCode && !HAN_ONLY.test(value.docCode)) return errorProps('机关代字只能由汉字组成，如“黑自贸工办函”');
  // the year and number are not clamped silently: what was typed stays, with the reason
  if (value.docYear != null && (value.docYear < DATE_YEAR_MIN || value.docYear > DATE_YEAR_MAX)) return errorProps(`年份应在 ${DATE_YEAR_MIN}—${DATE_YEAR_MAX} 之间`);
  if (value.docSeq != null && value.docSeq < 1) return errorProps('序号应为正整数，从 1 起');
  const number = value.docYear && value.docSeq ? formatDocNumber({ code: value.docCode, year: value.docYear, seq: value.docSeq }) : '';
  if (number && !DOC_NUMBER_PATTERN.test(number)) return errorProps('机关代字应为汉字');
  return number ? { help: number } : {};
}

// The circular's fields (GB/T 9704-2012), with the drafted defaults a button away. `errors` are the refusals
// of the last save, by field name; `onChange` says which fields changed so their marks can go.
export function CircularForm({
  batch,
  value,
  onChange,
  disabled,
  errors = {},
}: {
  batch: BatchDetail;
  value: Circular;
  onChange: (c: Circular, changed: string[]) => void;
  disabled: boolean;
  errors?: FieldErrors;
}) {
  const { message } = App.useApp();
  const set = (patch: Partial<Circular>) => onChange({ ...value, ...patch }, Object.keys(patch));
  const draft = async () => {
    try {
      set({ body: await api['batches.draftBody']({ id: batch.id }) });
    } catch (e) {
      message.error(errorText(e));
    }
  };
  // A new circular opens with its 正文 drafted from the batch, not an empty field (once the batch has cases:
  // a draft of «0项» would only have to be redone).
  const drafted = useRef(false);
  useEffect(() => {
    if (drafted.current || disabled || value.body.length || !batch.items.length) return;
    drafted.current = true;
    void draft();
  }); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Form layout="vertical" size="small" disabled={disabled}>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item label="发文机关" style={{ marginBottom: 8 }} {...errorProps(errors.organ)}>
            <Input aria-label="发文机关" value={value.organ} onChange={(e) => set({ organ: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item label="发文字号" style={{ marginBottom: 8 }} {...docNumberHelp(value, errors.docSeq ?? errors.docYear ?? errors.docCode)}>
            <Space.Compact>
              <Input aria-label="机关代字" style={{ width: 140 }} value={value.docCode} onChange={(e) => set({ docCode: e.target.value })} />
              <Input style={{ width: 28, pointerEvents: 'none' }} value="〔" readOnly tabIndex={-1} />
              <InputNumber aria-label="年份" style={{ width: 80 }} precision={0} value={value.docYear} onChange={(v) => set({ docYear: v })} />
              <Input style={{ width: 28, pointerEvents: 'none' }} value="〕" readOnly tabIndex={-1} />
              <InputNumber aria-label="序号" style={{ width: 70 }} precision={0} value={value.docSeq} onChange={(v) => set({ docSeq: v })} />
              <Input style={{ width: 32, pointerEvents: 'none' }} value="号" readOnly tabIndex={-1} />
              <Button
                onClick={async () => {
                  const year = value.docYear ?? new Date().getFullYear();
                  const { seq } = await api['batches.nextDocNumber']({ code: value.docCode, year, batchId: batch.id });
                  set({ docYear: year, docSeq: seq });
                }}
              >
                下一个可用文号
              </Button>
            </Space.Compact>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="标题" style={{ marginBottom: 8 }} {...errorProps(errors.title)}>
        <Input aria-label="通知标题" value={value.title} onChange={(e) => set({ title: e.target.value })} />
      </Form.Item>
      <Form.Item label="主送机关" style={{ marginBottom: 8 }} {...errorProps(errors.addressees)}>
        <Input.TextArea aria-label="主送机关" autoSize value={value.addressees} onChange={(e) => set({ addressees: e.target.value })} />
      </Form.Item>
      <Form.Item label="正文" style={{ marginBottom: 8 }} {...errorProps(errors.body)}>
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
          {value.body.length ? (
            <Popconfirm title="用按批次内容起草的正文替换现在的正文？" okText="重新起草" cancelText="取消" onConfirm={draft}>
              <Button size="small">重新起草</Button>
            </Popconfirm>
          ) : (
            <Button size="small" onClick={draft}>
              按批次内容起草
            </Button>
          )}
          <Typography.Text type="secondary">按第几批、案例数和单位起草，可再修改</Typography.Text>
        </Space>
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="附件名称" style={{ marginBottom: 8 }} {...errorProps(errors.attachmentNote)}>
            <Input aria-label="附件名称" value={value.attachmentNote} onChange={(e) => set({ attachmentNote: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <DateItem label="成文日期" value={value.date} error={errors.date} onChange={(date) => set({ date })} />
        </Col>
        <Col span={6}>
          <DateItem label="印发日期" value={value.printedDate} error={errors.printedDate} onChange={(printedDate) => set({ printedDate })} />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="署名" style={{ marginBottom: 8 }} {...errorProps(errors.signature)}>
            <Input aria-label="署名" value={value.signature} onChange={(e) => set({ signature: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="印发机关" style={{ marginBottom: 8 }} {...errorProps(errors.printedBy)}>
            <Input aria-label="印发机关" value={value.printedBy} onChange={(e) => set({ printedBy: e.target.value })} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="抄送" style={{ marginBottom: 8 }} {...errorProps(errors.cc)}>
        <Input aria-label="抄送" value={value.cc} placeholder="可空；名称间用逗号分隔" onChange={(e) => set({ cc: e.target.value })} />
      </Form.Item>
      <Form.Item label="版式" style={{ marginBottom: 0 }}>
        <Radio.Group value={value.layout} onChange={(e) => set({ layout: e.target.value })} options={LAYOUTS.map((l) => ({ value: l, label: LAYOUT_LABELS[l] }))} />
      </Form.Item>
    </Form>
  );
}
