import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Input, InputNumber, Space, Table, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { issueNumberText, type NewsletterRow } from '../../../shared/newsletter';
import { api } from '../api';
import { errorText, fileToBase64 } from '../format';
import { navigate } from '../router';

// 《自贸动态》: past issues, newest first, with search; a new issue (the next free 期号) or one imported from its text.

/** The sections of seed 004, the office's usual four: a new issue starts with them. */
const DEFAULT_SECTIONS = ['龙江板块', '制度创新', '自贸建设', '自贸观察'];

export function NewsletterList() {
  const { message, modal } = App.useApp();
  const [rows, setRows] = useState<NewsletterRow[] | null>(null);
  const [query, setQuery] = useState('');
  const [toc, setToc] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (q: string) => setRows(await api['newsletters.list']({ query: q })), []);
  useEffect(() => {
    const t = setTimeout(() => void load(query).catch((e) => message.error(errorText(e))), 200);
    return () => clearTimeout(t);
  }, [load, query, message]);
  useEffect(() => void api['newsletters.settings']({}).then((s) => setToc(s.tocThreshold)), []);

  const create = async () => {
    try {
      const { number } = await api['newsletters.nextNumber']({});
      const n = await api['newsletters.create']({ number, date: dayjs().format('YYYY-MM-DD'), sponsor: '省自贸办', editor: '', sections: DEFAULT_SECTIONS.map((name) => ({ name, items: [] })) });
      navigate({ page: 'newsletter', id: n.id });
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const { newsletter, warnings } = await api['newsletters.import']({ fileName: file.name, base64: await fileToBase64(file) });
      const items = newsletter.sections.reduce((k, s) => k + s.items.length, 0);
      if (warnings.length) modal.warning({ title: `已导入${issueNumberText(newsletter.number)}，请核对`, content: <ul>{warnings.map((w) => <li key={w}>{w}</li>)}</ul>, okText: '知道了' });
      else message.success(`已导入${issueNumberText(newsletter.number)}：${newsletter.sections.length} 个栏目，${items} 篇`);
      navigate({ page: 'newsletter', id: newsletter.id });
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
    return false;
  };

  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>《自贸动态》</Typography.Title>
        <span className="grow" />
        <Space>
          <Upload accept=".txt,.md,.docx,text/plain" showUploadList={false} beforeUpload={importFile} disabled={busy}>
            <Button icon={<ImportOutlined />} loading={busy}>
              导入一期
            </Button>
          </Upload>
          <Button type="primary" icon={<PlusOutlined />} onClick={create}>
            新建一期
          </Button>
        </Space>
      </div>
      <div className="toolbar">
        <Input.Search aria-label="搜索各期" allowClear placeholder="期号、日期、栏目或文章标题" style={{ width: 320 }} value={query} onChange={(e) => setQuery(e.target.value)} />
        <span className="grow" />
        <Typography.Text type="secondary">一期多于</Typography.Text>
        <InputNumber
          aria-label="目录篇数"
          size="small"
          min={0}
          max={100}
          value={toc}
          onChange={(v) => {
            if (typeof v !== 'number') return;
            setToc(v);
            void api['newsletters.settings']({ tocThreshold: v }).catch((e) => message.error(errorText(e)));
          }}
          style={{ width: 64 }}
        />
        <Typography.Text type="secondary">篇时，导出的 Word 在首页加“本期目录”</Typography.Text>
      </div>
      <Table<NewsletterRow>
        rowKey="id"
        size="middle"
        loading={rows === null}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: query ? <Empty description="没有符合的期" /> : <Empty description="还没有《自贸动态》。点“新建一期”编排，或“导入一期”读入已有的一期文字。" /> }}
        onRow={(r) => ({ onDoubleClick: () => navigate({ page: 'newsletter', id: r.id }) })}
        columns={[
          { title: '期号', dataIndex: 'number', width: 100, render: (n: number, r) => <a href={`#/newsletters/${r.id}`}>{issueNumberText(n)}</a> },
          { title: '日期', dataIndex: 'date', width: 120 },
          { title: '主办', dataIndex: 'sponsor', width: 120 },
          { title: '栏目', dataIndex: 'sections', render: (s: string[]) => s.join('、') },
          { title: '篇数', dataIndex: 'itemCount', width: 70, align: 'center' },
        ]}
      />
      {rows && rows.length > 0 && query && <Alert style={{ marginTop: 8 }} type="info" showIcon message={`找到 ${rows.length} 期`} />}
    </>
  );
}
