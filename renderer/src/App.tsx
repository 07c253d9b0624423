import { AuditOutlined, BarChartOutlined, BookOutlined, TableOutlined, FundOutlined, QuestionCircleOutlined, ReadOutlined, FileSearchOutlined, FolderOpenOutlined, ProfileOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, ConfigProvider, Layout, Menu, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import 'antd/dist/antd.css'; // antd's component styles prebuilt: with theme.zeroRuntime none are generated at start (issue 13)
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { BatchComposer, BatchList, CallList, CallPage, CaseEditor, CaseLibrary, CrossTablePage, ExperiencesPage, ImportPage, LedgerPage, HelpPage, NewsletterComposer, NewsletterList, SettingsPage, StatsPage } from './pages/lazy'; // each page its own chunk
import { hrefOf, navigate, useRoute, type Route } from './router';
import { PageErrorBoundary } from './components/PageErrorBoundary';
import { installShortcuts, useCommand } from './shortcuts';
import { VocabProvider } from './vocab';
import { api, transport } from './api';
import { focusFindBox } from './find';

dayjs.locale('zh-cn');

const NAV = [
  { key: 'cases', icon: <ProfileOutlined />, label: '案例库' },
  { key: 'batches', icon: <FolderOpenOutlined />, label: '批次' },
  { key: 'calls', icon: <AuditOutlined />, label: '征集与评选' },
  { key: 'newsletters', icon: <ReadOutlined />, label: '自贸动态' },
  { key: 'import', icon: <FileSearchOutlined />, label: '导入与检查' },
  { key: 'stats', icon: <BarChartOutlined />, label: '统计' },
  { key: 'experiences', icon: <BookOutlined />, label: '经验目录' },
  { key: 'ledger', icon: <TableOutlined />, label: '复制推广台账' },
  { key: 'crosstab', icon: <FundOutlined />, label: '交叉统计' },
  { key: 'settings', icon: <SettingOutlined />, label: '设置' },
  { key: 'help', icon: <QuestionCircleOutlined />, label: '帮助' },
] as const;

function section(route: Route): string {
  if (route.page === 'case') return 'cases';
  if (route.page === 'batch') return 'batches';
  if (route.page === 'call') return 'calls';
  if (route.page === 'newsletter') return 'newsletters';
  return route.page;
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'cases':
      return <CaseLibrary />;
    case 'case':
      return <CaseEditor key={String(route.id)} id={route.id} />;
    case 'batches':
      return <BatchList />;
    case 'batch':
      return <BatchComposer key={route.id} id={route.id} />;
    case 'import':
      return <ImportPage />;
    case 'stats':
      return <StatsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'calls':
      return <CallList />;
    case 'call':
      return <CallPage key={route.id} id={route.id} />;
    case 'newsletters':
      return <NewsletterList />;
    case 'newsletter':
      return <NewsletterComposer key={route.id} id={route.id} />;
    case 'experiences':
      return <ExperiencesPage />;
    case 'ledger':
      return <LedgerPage />;
    case 'crosstab':
      return <CrossTablePage />;
    case 'help':
      return <HelpPage />;
  }
}

function Shell() {
  const route = useRoute();
  useEffect(() => installShortcuts(), []);
  // Global commands, when no page claims them first.
  const { modal } = AntApp.useApp();
  useCommand((cmd) => {
    if (cmd === 'about') {
      void api['app.info']({}).then((info) => {
        modal.info({
          title: 'FTZ Casebook 自贸案例汇编',
          content: (
            <div>
              <p>版本 {info.version}（数据库结构第 {info.schemaVersion} 版）</p>
              <p style={{ wordBreak: 'break-all' }}>数据文件：{info.dbFile}</p>
              <p>公文格式依据 GB/T 9704-2012《党政机关公文格式》。</p>
            </div>
          ),
          okText: '关闭',
        });
      });
      return;
    }
    if (cmd === 'new-case') return navigate({ page: 'case', id: 'new' });
    if (cmd === 'import') return navigate({ page: 'import' });
    if (cmd === 'find') return focusFindBox();
    return false;
  });
  return (
    <Layout className="shell">
      <Layout.Sider width={168} theme="light" className="shell-sider">
        <div className="brand">
          <Typography.Text strong>自贸案例汇编</Typography.Text>
          <Typography.Text type="secondary" className="brand-sub">
            FTZ Casebook{transport.kind === 'http' ? ' · 浏览器' : ''}
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[section(route)]}
          items={NAV.map((n) => ({ key: n.key, icon: n.icon, label: <a href={`#/${n.key}`}>{n.label}</a> }))}
        />
      </Layout.Sider>
      <Layout.Content className="shell-content">
        <PageErrorBoundary pageKey={hrefOf(route)}>
          <Page route={route} />
        </PageErrorBoundary>
      </Layout.Content>
    </Layout>
  );
}

export function App() {
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ zeroRuntime: true, token: { fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif', borderRadius: 4, colorPrimary: '#a8071a' } }}
    >
      <AntApp>
        <VocabProvider>
          <Shell />
        </VocabProvider>
      </AntApp>
    </ConfigProvider>
  );
}
