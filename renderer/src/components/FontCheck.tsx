import { Alert, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { FontStatusView } from '../../../shared/contract';
import { FONT_PROFILE_LABELS, type FontProfile } from '../../../shared/domain';
import { api } from '../api';

/**
 * Which fonts of a profile this machine has («未安装：方正小标宋简体 — Word 将用宋体代替»), and the profile it can
 * show. `compact`: one line for the export panel; otherwise every profile, for 设置.
 */
export function FontCheck({ profile, compact = false }: { profile: FontProfile; compact?: boolean }) {
  const [status, setStatus] = useState<FontStatusView | null>(null);
  useEffect(() => {
    let live = true;
    api['fonts.status']({}).then((s) => live && setStatus(s), () => live && setStatus(null));
    return () => {
      live = false;
    };
  }, []);
  if (!status) return null;
  if (status.method === 'unknown') return <Typography.Text type="secondary">无法读取本机字体，请自行确认已安装所选字体。</Typography.Text>;
  const chosen = status.profiles.find((p) => p.profile === profile)!;
  const advice = status.recommended !== profile ? `本机建议选“${FONT_PROFILE_LABELS[status.recommended]}”。` : '';
  if (compact) {
    return chosen.missing.length ? (
      <Alert type="warning" showIcon data-testid="font-check" message={`未安装：${chosen.missing.join('、')} — Word 将用宋体代替。${advice}`} />
    ) : (
      <Typography.Text type="secondary" data-testid="font-check">
        本机已装齐“{chosen.label}”所需字体。
      </Typography.Text>
    );
  }
  return (
    <Space direction="vertical" size={4} data-testid="font-check">
      {status.profiles.map((p) => (
        <div key={p.profile}>
          <Typography.Text strong>{p.label}：</Typography.Text>
          {p.fonts.map((f) => (
            <Tag key={f.font} color={f.installed ? 'green' : 'red'} title={f.use}>
              {f.font}
              {f.installed ? '' : '（未安装）'}
            </Tag>
          ))}
          {p.profile === status.recommended && <Tag color="blue">本机建议</Tag>}
        </div>
      ))}
      {chosen.missing.length > 0 && <Alert type="warning" showIcon message={`未安装：${chosen.missing.join('、')} — Word 将用宋体代替。${advice}`} />}
    </Space>
  );
}
