import { App, Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiOutput, BackupSummary } from '../../../shared/contract';
import { api } from '../api';
import { errorText } from '../format';

// 设置 → 数据备份: the automatic and manual copies kept beside the database, and restoring one. A restore first
// keeps the current state as a «恢复前» copy, so it can itself be undone from this list.

const REASON_LABELS: Record<BackupSummary['reason'], string> = { daily: '每日自动', migration: '升级前', manual: '手动', restore: '恢复前' };

export function BackupPanel() {
  const { message, modal } = App.useApp();
  const [data, setData] = useState<ApiOutput<'backup.list'> | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => api['backup.list']({}).then(setData, (e: unknown) => message.error(errorText(e))), [message]);
  useEffect(() => void load(), [load]);

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
      await load();
    }
  };

  return (
    <Card
      size="small"
      title="数据备份"
      extra={
        <Button loading={busy} onClick={() => run(async () => message.success(`已备份：${(await api['backup.create']({})).name}`))}>
          立即备份
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        每天第一次打开时和每次升级前自动备份，保留最近 {data?.keep ?? 10} 份，位于 {data?.dir ?? '数据文件夹的 backups 中'}。恢复前会先把当前数据另存为一份“恢复前”备份。
      </Typography.Paragraph>
      <Table<BackupSummary>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={data?.backups ?? []}
        locale={{ emptyText: '还没有备份' }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (t: string) => t.replace('T', ' ').slice(0, 19) },
          { title: '类型', dataIndex: 'reason', render: (r: BackupSummary['reason']) => REASON_LABELS[r] },
          { title: '大小', dataIndex: 'bytes', render: (b: number) => `${Math.ceil(b / 1024)} KB` },
          { title: '文件', dataIndex: 'name' },
          {
            title: '',
            key: 'restore',
            render: (_: unknown, b) => (
              <Popconfirm
                title="从这份备份恢复？"
                description="当前的数据会被这份备份替换（替换前自动另存一份）。"
                okText="恢复"
                cancelText="取消"
                onConfirm={() =>
                  run(async () => {
                    const r = await api['backup.restore']({ name: b.name });
                    modal.success({ title: '已恢复', content: `已从 ${r.restored.name} 恢复；恢复前的数据保存在 ${r.keptAs.name}。页面将重新载入。`, onOk: () => window.location.reload() });
                  })
                }
              >
                <Space>
                  <Button size="small" disabled={busy}>
                    恢复
                  </Button>
                </Space>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
