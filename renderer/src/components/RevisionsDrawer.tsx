import { App, Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseContent, Revision } from '../../../shared/domain';
import { api } from '../api';
import { errorText, fmtTime } from '../format';
import { ADDED_BG, caseAsText, REMOVED_BG, TextDiff } from './TextDiff';

// Every saved version of a case: compare any one with the current text, restore it (as a new version).
export function RevisionsDrawer({ caseId, open, current, onClose, onRestored }: { caseId: number; open: boolean; current: CaseContent; onClose: () => void; onRestored: () => void }) {
  const { message, modal } = App.useApp();
  const [revisions, setRevisions] = useState<Revision[]>([]);
  const [picked, setPicked] = useState<Revision | null>(null);
  useEffect(() => {
    if (!open) return;
    api['cases.revisions']({ id: caseId }).then(
      (r) => (setRevisions(r), setPicked(r[1] ?? r[0] ?? null)),
      (e) => message.error(errorText(e)),
    );
  }, [open, caseId, message]);
  return (
    <Drawer title="版本记录" width={860} open={open} onClose={onClose} destroyOnHidden>
      <div style={{ display: 'flex', gap: 16, height: '100%' }}>
        <List
          style={{ width: 240, overflow: 'auto' }}
          size="small"
          dataSource={revisions}
          renderItem={(r) => (
            <List.Item style={{ cursor: 'pointer', background: picked?.revision === r.revision ? '#fff1f0' : undefined }} onClick={() => setPicked(r)}>
              <List.Item.Meta title={`第 ${r.revision} 版`} description={`${fmtTime(r.savedAt)} · ${r.note}`} />
            </List.Item>
          )}
        />
        <div style={{ flex: 1, overflow: 'auto' }}>
          {picked ? (
            <>
              <Space style={{ marginBottom: 8 }}>
                <Typography.Text>
                  第 {picked.revision} 版 → 当前（<span style={{ background: REMOVED_BG }}>删去</span> <span style={{ background: ADDED_BG }}>增加</span>）
                </Typography.Text>
                <Button
                  onClick={() =>
                    modal.confirm({
                      title: `恢复到第 ${picked.revision} 版？`,
                      content: '当前内容会保留为一个版本，可以再恢复回来。',
                      okText: '恢复',
                      cancelText: '取消',
                      onOk: async () => {
                        await api['cases.restoreRevision']({ id: caseId, revision: picked.revision });
                        message.success(`已恢复到第 ${picked.revision} 版`);
                        onRestored();
                        onClose();
                      },
                    })
                  }
                >
                  恢复此版本
                </Button>
              </Space>
              <TextDiff testId="revision-diff" from={caseAsText(picked.content)} to={caseAsText(current)} />
            </>
          ) : (
            <Empty description="还没有版本" />
          )}
        </div>
      </div>
    </Drawer>
  );
}
