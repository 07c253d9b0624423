import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { SEVERITY_LABELS, type Finding } from '../../../shared/domain';
import { fieldLabelOf, jumpToFinding } from '../finding-jump';

const COLORS = { error: 'red', warning: 'gold', info: 'default' } as const;

/** A finding whose place is a field on some screen (a raw line without a number, or a file's case, has none). */
const jumpable = (f: Finding) => fieldLabelOf(f.place) !== null;

// The proofreader's findings: rule, severity, place, excerpt and suggestion; a fix button where the fix is safe.
export function FindingsList({
  findings,
  onFix,
  onWaive,
  onUnwaive,
  compact,
  singleFix = true,
  caseTitles,
  onJump = (f) => void jumpToFinding(f),
  canJump = jumpable,
}: {
  findings: Finding[];
  onFix?: (f: Finding[]) => void;
  onWaive?: (f: Finding[]) => void;
  onUnwaive?: (f: Finding[]) => void;
  compact?: boolean;
  /** Offer «修复» on each finding (an issued batch offers only «全部修复», planned on the live cases). */
  singleFix?: boolean;
  /** Titles of the cases the findings are in, so that a finding names its case (and links to it). */
  caseTitles?: Map<number, string>;
  /** Shows the finding's place (issue 14.6); by default the field in the case editor or in the page shown. */
  onJump?: (f: Finding) => void;
  /** Which findings have a place to show (by default those whose place is a field of an editor). */
  canJump?: (f: Finding) => boolean;
}) {
  if (!findings.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有发现问题" />;
  const fixable = findings.filter((f) => f.fix && !f.waived);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s && !f.waived).length;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="findings-summary">
          错误 {count('error')}，警告 {count('warning')}，提示 {count('info')}
        </Typography.Text>
        {onFix && fixable.length > 0 && (
          <Button size="small" type="primary" onClick={() => onFix(fixable)}>
            全部修复（{fixable.length}）
          </Button>
        )}
      </Space>
      <List
        rowKey="key"
        size="small"
        dataSource={findings}
        pagination={findings.length > 50 ? { pageSize: 50, size: 'small' } : false}
        renderItem={(f) => (
          <List.Item
            actions={[
              f.fix && onFix && singleFix && !f.waived ? (
                <Button key="fix" size="small" onClick={() => onFix([f])}>
                  修复
                </Button>
              ) : null,
              onWaive && !f.waived && f.severity === 'error' ? (
                <Button key="waive" size="small" type="link" onClick={() => onWaive([f])}>
                  忽略
                </Button>
              ) : null,
              onUnwaive && f.waived ? (
                <Button key="unwaive" size="small" type="link" onClick={() => onUnwaive([f])}>
                  取消忽略
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Tag color={COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
                  {f.waived && <Tag>已忽略</Tag>}
                  {f.place.caseId != null && caseTitles?.has(f.place.caseId) && (
                    <a
                      href={`#/cases/${f.place.caseId}`}
                      className="finding-case"
                      onClick={(e) => {
                        e.preventDefault();
                        onJump(f);
                      }}
                    >
                      {caseTitles.get(f.place.caseId)}
                    </a>
                  )}
                  {canJump(f) ? (
                    <Typography.Link className="finding-place" aria-label={`定位到${f.place.label}`} onClick={() => onJump(f)}>
                      {f.place.label}
                    </Typography.Link>
                  ) : (
                    <Typography.Text type="secondary">{f.place.label}</Typography.Text>
                  )}
                  {!compact && <Typography.Text type="secondary">· {f.ruleLabel}</Typography.Text>}
                </Space>
              }
              description={
                <>
                  <div>{f.message}</div>
                  {f.excerpt && (
                    <span className={`finding-excerpt${canJump(f) ? ' jumpable' : ''}`} title={canJump(f) ? '点击定位到原文' : undefined} onClick={() => canJump(f) && onJump(f)}>
                      {f.excerpt}
                    </span>
                  )}
                  {f.suggestion && <Typography.Text type="success"> → {f.suggestion}</Typography.Text>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
