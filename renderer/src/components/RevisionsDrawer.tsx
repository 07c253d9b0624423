import { App, Button, Drawer, Empty, List, Space, Typography } from 'antd';
import { diffLines } from 'diff';
import { useEffect, useState } from 'react';
import { flattenCaseText } from '../../../shared/body';
import type { CaseContent, Revision } from '../../../shared/domain';
import { api } from '../api';
import { errorText, fmtTime } from '../format';

const asText = (c: Pick<CaseContent, 'title' | 'lead' | 'body'>) => `${c.title}\n${flattenCaseText(c.lead, c.body)}\n`;

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
  const parts = picked ? diffLines(asText(picked.content), asText(current)) : [];
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
                  第 {picked.revision} 版 → 当前（<span style={{ background: '#ffccc7' }}>删去</span> <span style={{ background: '#d9f7be' }}>增加</span>）
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
              <pre data-testid="revision-diff" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 13 }}>
                {parts.map((p, i) => (
                  <span key={i} style={{ background: p.added ? '#d9f7be' : p.removed ? '#ffccc7' : undefined }}>
                    {p.value}
                  </span>
                ))}
              </pre>
            </>
          ) : (
            <Empty description="还没有版本" />
          )}
        </div>
      </div>
    </Drawer>
  );
}
