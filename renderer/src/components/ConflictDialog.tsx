import { Alert, Button, Modal, Space, Typography } from 'antd';
import type { Case, CaseContent } from '../../../shared/domain';
import { fmtTime } from '../format';
import { ADDED_BG, caseAsText, REMOVED_BG, TextDiff } from './TextDiff';

// Someone else (another window, the command line) saved this case after this editor loaded it. Both texts
// are shown; the clerk keeps hers as a new version on top of theirs, or takes theirs (hers stays one Ctrl+Z away).
export function ConflictDialog({
  mine,
  theirs,
  busy,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: CaseContent;
  theirs: Case;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <Modal
      open
      width={860}
      title="案例已在别处修改"
      closable={false}
      maskClosable={false}
      keyboard={false}
      data-testid="conflict-dialog"
      footer={
        <Space>
          <Button onClick={onTakeTheirs} disabled={busy}>
            采用对方的版本
          </Button>
          <Button type="primary" onClick={onKeepMine} loading={busy}>
            保留我的修改（另存为新版本）
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message={`在您编辑期间，这个案例已被另一处保存为第 ${theirs.revision} 版（${fmtTime(theirs.updatedAt)}）。请比较两份内容后选择。`}
        description="保留我的修改：对方的版本留在版本记录中，可以随时比较、恢复。采用对方的版本：您的修改可用 Ctrl+Z 找回。"
      />
      <Typography.Text>
        对方的版本 → 我的修改（<span style={{ background: REMOVED_BG }}>只在对方版本中</span> <span style={{ background: ADDED_BG }}>只在我的修改中</span>）
      </Typography.Text>
      <div style={{ maxHeight: '55vh', overflow: 'auto', border: '1px solid #f0f0f0', padding: 8, marginTop: 8 }}>
        <TextDiff testId="conflict-diff" from={caseAsText(theirs)} to={caseAsText(mine)} />
      </div>
    </Modal>
  );
}
