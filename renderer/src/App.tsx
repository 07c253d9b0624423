import { ConfigProvider, Layout, Table, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import type { CaseRow } from '../../shared/domain';
import { api } from './api';

export function App() {
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api['cases.list']({}).then(setRows, (e: Error) => setError(e.message));
  }, []);
  return (
    <ConfigProvider locale={zhCN}>
      <Layout style={{ minHeight: '100vh', padding: 24 }}>
        <Typography.Title level={3}>案例库</Typography.Title>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
        <Table
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={false}
          columns={[
            { title: 'ID', dataIndex: 'id', width: 60 },
            { title: '案例名称', dataIndex: 'title' },
            { title: '提供单位', dataIndex: 'unitName', width: 140 },
          ]}
        />
      </Layout>
    </ConfigProvider>
  );
}
