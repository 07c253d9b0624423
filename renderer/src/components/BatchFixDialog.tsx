import { chineseSelection } from '../table-a11y';
import { Alert, App, Checkbox, Collapse, Empty, Modal, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { BatchFixPlan } from '../../../shared/batch-fixes';
import { api } from '../api';
import { errorText } from '../format';

// «全部修复» of a batch's 规范检查: what will change (count per rule, every change with its text before and
// after) and, where cases belong to an issued batch, the clerk's confirmation. Nothing changes before «修复».
// The fixes are new revisions of the live cases; an issued batch's archived copies never change.

const MARK = { background: '#ffccc7' };
const listedOf = (c: BatchFixPlan['cases'][number]) => c.changes.reduce((n, ch) => n + ch.count, 0);
const NEW = { background: '#d9f7be' };

export function BatchFixDialog({
  batchId,
  keys,
  onClose,
  onApplied,
}: {
  batchId: number;
  /** Only these findings (one «修复»); all safe fixes when absent. */
  keys?: string[];
  onClose: () => void;
  onApplied: () => void;
}) {
  const { message, modal } = App.useApp();
  const [plan, setPlan] = useState<BatchFixPlan | null>(null);
  const [allRules, setAllRules] = useState<BatchFixPlan['rules']>([]); // every rule with its count, from the first plan
  const [rules, setRules] = useState<string[] | null>(null);
  const [confirmIssued, setConfirmIssued] = useState(false);
  const [busy, setBusy] = useState(false);

  // The plan for the rules chosen (all at first); the clerk sees exactly what «修复» will do.
  useEffect(() => {
    let live = true;
    api['proofread.batchFixPlan']({ id: batchId, keys, rules: (rules ?? undefined) as never }).then(
      (p) => {
        if (!live) return;
        setPlan(p);
        if (rules === null) (setAllRules(p.rules), setRules(p.rules.map((r) => r.rule)));
      },
      (e) => (message.error(errorText(e)), onClose()),
    );
    return () => void (live = false);
  }, [batchId, keys, rules]); // eslint-disable-line react-hooks/exhaustive-deps

  const chosen = plan ? plan.cases : [];
  const total = rules?.length === 0 ? 0 : (plan?.total ?? 0);
  const issuedCases = chosen.filter((c) => c.issuedIn.length > 0);
  const mustConfirm = issuedCases.length > 0 && (plan?.batchIssued ?? false);

  const apply = async () => {
    if (!plan || !rules) return;
    setBusy(true);
    try {
      const result = await api['proofread.batchFixApply']({
        id: batchId,
        keys,
        rules: rules as never,
        expected: plan.cases.map((c) => ({ caseId: c.caseId, revision: c.revision })),
        confirmIssued,
      });
      onApplied();
      onClose();
      const text = `已修复 ${result.cases} 个案例中的 ${result.fixed} 处，每个案例保存为新版本`;
      if (result.skipped.length) {
        modal.info({
          title: text,
          width: 640,
          content: (
            <div data-testid="fix-skipped">
              <p>以下 {result.skipped.length} 个案例没有修改：</p>
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.caseId}>
                    案例{s.seq}「{s.title}」：{s.reason}
                  </li>
                ))}
              </ul>
            </div>
          ),
          okText: '知道了',
        });
      } else message.success(text);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={900}
      title="全部修复：先看将要修改的内容"
      okText={mustConfirm ? '确认修复（保存为案例的新版本）' : '修复'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => void apply()}
      confirmLoading={busy}
      okButtonProps={{ disabled: !plan || total === 0 || (mustConfirm && !confirmIssued), 'data-testid': 'fix-apply' } as never}
      data-testid="batch-fix-dialog"
    >
      {!plan ? (
        <Spin />
      ) : allRules.length === 0 ? (
        <Empty description={plan.circularCount ? `案例中没有可自动修复的问题；通知中的 ${plan.circularCount} 处请在“通知”中修改` : '没有可自动修复的问题'} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong data-testid="fix-summary">
            将修改 {chosen.length} 个案例中的 {total} 处。每个案例保存为一个新版本，可在“版本”中比较和恢复。
          </Typography.Text>
          {plan.batchIssued && (
            <Alert
              type="warning"
              showIcon
              message="这个批次已印发：已印发的通知和附件按印发时的内容存档，修复不会改变它们"
              description="修复只改变案例库中的案例（保存为新版本），以后新批次使用修改后的内容。"
            />
          )}
          <Table
            size="small"
            pagination={false}
            rowKey="rule"
            dataSource={allRules}
            rowSelection={{ selectedRowKeys: rules ?? [], onChange: (k) => setRules(k as string[]), columnTitle: '修复', columnWidth: 64, ...chineseSelection<{ label: string }>((r) => r.label) }}
            columns={[
              { title: '规则', dataIndex: 'label' },
              { title: '处数', dataIndex: 'count', width: 100, align: 'right' },
            ]}
          />
          {issuedCases.length > 0 && (
            <Checkbox checked={confirmIssued} onChange={(e) => setConfirmIssued(e.target.checked)} data-testid="confirm-issued">
              {plan.batchIssued ? '确认修改这些案例' : `同时修改属于已印发批次的 ${issuedCases.length} 个案例`}（保存为案例的新版本，已印发批次的存档不变）
            </Checkbox>
          )}
          {plan.circularCount > 0 && <Typography.Text type="secondary">通知中的 {plan.circularCount} 处请在“通知”中修改。</Typography.Text>}
          <div style={{ maxHeight: '40vh', overflow: 'auto' }}>
            <Collapse
              size="small"
              items={chosen.map((c) => ({
                key: c.caseId,
                label: (
                  <Space size={4} wrap>
                    <span>
                      案例{c.seq}「{c.title}」
                    </span>
                    <Tag>{c.count} 处</Tag>
                    {c.issuedIn.map((t) => (
                      <Tag key={t} color="orange">
                        已在「{t}」印发
                      </Tag>
                    ))}
                  </Space>
                ),
                children: (
                  <>
                  {listedOf(c) < c.count && <Typography.Text type="secondary">列出前 {listedOf(c)} 处，另有 {c.count - listedOf(c)} 处同样修复。</Typography.Text>}
                  <Table
                    size="small"
                    pagination={c.changes.length > 20 ? { pageSize: 20, size: 'small' } : false}
                    rowKey={(_, i) => String(i)}
                    dataSource={c.changes}
                    columns={[
                      { title: '位置', dataIndex: 'label', width: 180 },
                      { title: '规则', dataIndex: 'ruleLabel', width: 120 },
                      { title: '原文', dataIndex: 'before', render: (t: string) => <span style={MARK}>{t}</span> },
                      { title: '修改后', dataIndex: 'after', render: (t: string) => <span style={NEW}>{t}</span> },
                    ]}
                  />
                  </>
                ),
              }))}
            />
          </div>
        </Space>
      )}
    </Modal>
  );
}
