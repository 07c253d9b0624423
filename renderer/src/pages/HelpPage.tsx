import { Card, Col, Descriptions, Row, Steps, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ApiOutput } from '../../../shared/contract';
import { api, transport } from '../api';

// 帮助: the clerk's workflow, the shortcuts, where the data lives and 关于, in Electron and in a browser alike.
const SHORTCUTS = [
  { keys: 'Ctrl+N', what: '新建案例' },
  { keys: 'Ctrl+S', what: '保存（案例、通知）；没有修改时提示“没有修改”' },
  { keys: 'Ctrl+F', what: '检索：本页有检索框时定位到它，否则打开案例库的检索框' },
  { keys: 'Ctrl+O', what: '导入通知或案例文件' },
  { keys: 'Enter', what: '对话框中确认' },
  { keys: 'Esc', what: '关闭对话框' },
  { keys: '空格、方向键', what: '在批次中：聚焦拖动手柄后按空格拿起，方向键移动，再按空格放下' },
];

export function HelpPage() {
  const [info, setInfo] = useState<ApiOutput<'app.info'> | null>(null);
  useEffect(() => void api['app.info']({}).then(setInfo, () => setInfo(null)), []);
  return (
    <>
      <div className="page-head">
        <Typography.Title level={4}>帮助</Typography.Title>
      </div>
      <Row gutter={12}>
        <Col span={14}>
          <Card size="small" title="工作流程" style={{ marginBottom: 12 }}>
            <Steps
              direction="vertical"
              size="small"
              current={-1}
              items={[
                { title: '收集案例', description: '在「案例库」新建案例，或在「导入与检查」导入通知、案例文件；「征集与评选」收取各单位报送的材料。' },
                { title: '编辑与检查', description: '案例编辑时自动保存；右侧「规范检查」提示不合公文规范之处，可一键修复。' },
                { title: '组成批次', description: '在「批次」新建批次，挑选案例（列表标明每个案例已在哪些批次），拖动排序，序号自动连续。' },
                { title: '拟写通知', description: '「通知」页按批次内容起草正文，填写文号、日期；「规范检查」中的错误需修复或注明理由忽略。' },
                { title: '印发与导出', description: '印发后批次冻结；「导出」生成 Word 通知（信函格式或文件格式）、PDF 和 Excel 汇总表。' },
              ]}
            />
          </Card>
          <Card size="small" title="快捷键">
            <Table size="small" pagination={false} rowKey="keys" dataSource={SHORTCUTS} columns={[{ title: '按键', dataIndex: 'keys', width: 130, render: (k: string) => <Typography.Text keyboard>{k}</Typography.Text> }, { title: '作用', dataIndex: 'what' }]} />
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="数据在哪里" style={{ marginBottom: 12 }}>
            <Typography.Paragraph>
              所有案例、批次和设置保存在一个数据库文件中：
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {info?.dbFile ?? '…'}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>程序每天自动备份；在「设置 → 数据备份」可以立即备份或从备份恢复。{transport.kind === 'http' ? '在浏览器中导出的文件保存在数据库旁的 exports 文件夹，并由浏览器下载。' : ''}</Typography.Paragraph>
          </Card>
          <Card size="small" title="关于">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="程序">FTZ Casebook 自贸案例汇编</Descriptions.Item>
              <Descriptions.Item label="版本">{info?.version ?? '…'}</Descriptions.Item>
              <Descriptions.Item label="数据库结构">第 {info?.schemaVersion ?? '…'} 版</Descriptions.Item>
              <Descriptions.Item label="运行方式">{transport.kind === 'http' ? '浏览器（本机回环地址）' : '桌面程序'}</Descriptions.Item>
              <Descriptions.Item label="公文格式">依据 GB/T 9704-2012《党政机关公文格式》</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
