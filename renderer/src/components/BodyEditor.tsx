import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Tooltip } from 'antd';
import { memo, useCallback, useRef } from 'react';
import { emptyNode } from '../../../shared/body';
import { addChild, insertAfter, moveInList, moveNode, removeNode, setParagraphs, updateNode } from '../../../shared/body-ops';
import type { BodyNode } from '../../../shared/domain';
import { HEADING_LEVELS, ordinalFor } from '../../../shared/ordinals';
import { CASE_LIMITS, countOf } from '../limits';

/** What an edit was, for the undo history: typing merges, structure is a step, a removal offers «撤销». */
export type BodyChange = { kind: 'structure' } | { kind: 'remove'; what: string };
type OnBody = (b: BodyNode[], change?: BodyChange) => void;
/** An edit of the current body (read when the edit happens, not when the node last rendered). */
type Edit = (f: (body: BodyNode[]) => BodyNode[], change?: BodyChange) => void;
const STRUCTURE: BodyChange = { kind: 'structure' };

// The structured body: sections and sub-items with their paragraphs. Ordinals are shown from the position
// and never typed; moving a node renumbers everything at once.

const LEVEL_NAMES = ['', '部分', '条目', '子条目', '细目'];

/** One paragraph: memo over its text, position and the stable `edit`, so a keystroke re-renders this row alone. */
const ParagraphRow = memo(function ParagraphRow({ text, i, last, at, label, edit }: { text: string; i: number; last: boolean; at: string; label: string; edit: Edit }) {
  const path = at.split('.').map(Number);
  const set = (f: (ps: string[]) => string[], change?: BodyChange) => edit((b) => setParagraphs(b, path, f), change);
  return (
    <div className="para-row">
      <Input.TextArea
        aria-label={`${label}第${i + 1}段`}
        classNames={{ textarea: 'grow-12' }}
        value={text}
        placeholder="段落文字"
        count={countOf(CASE_LIMITS.paragraph, text)}
        onChange={(e) => {
          const value = e.target.value;
          set((ps) => ps.map((x, j) => (j === i ? value : x)));
        }}
      />
      <Tooltip title="上移段落">
        <Button size="small" type="text" aria-label={`上移${label}第${i + 1}段`} icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => set((ps) => moveInList(ps, i, -1), STRUCTURE)} />
      </Tooltip>
      <Tooltip title="下移段落">
        <Button size="small" type="text" aria-label={`下移${label}第${i + 1}段`} icon={<ArrowDownOutlined />} disabled={last} onClick={() => set((ps) => moveInList(ps, i, 1), STRUCTURE)} />
      </Tooltip>
      <Tooltip title="删除段落">
        <Button size="small" type="text" danger aria-label={`删除${label}第${i + 1}段`} icon={<DeleteOutlined />} onClick={() => set((ps) => ps.filter((_, j) => j !== i), text.trim() ? { kind: 'remove', what: `${label}第${i + 1}段` } : STRUCTURE)} />
      </Tooltip>
    </div>
  );
});

// A keystroke re-renders only the node it changed and its ancestors (and of its paragraphs only the one typed in) (the body operations keep the other nodes'
// identity): memo over node, position and a stable `edit`, so typing in a long case stays under a frame (issue 13).
const NodeEditor = memo(function NodeEditor({ node, at, siblings, edit }: { node: BodyNode; at: string; siblings: number; edit: Edit }) {
  const path = at.split('.').map(Number);
  const level = path.length;
  const ordinal = ordinalFor(Math.min(level, HEADING_LEVELS), path[path.length - 1]!);
  const label = `${path.map((i, d) => ordinalFor(Math.min(d + 1, HEADING_LEVELS), i)).join('')}`;
  return (
    <div className={`node node-level-${level}`} data-testid={`node-${path.join('-')}`}>
      <div className="node-head">
        <span className="ordinal">{ordinal}</span>
        <Input
          aria-label={`${label}标题`}
          placeholder={`${LEVEL_NAMES[level]}标题`}
          value={node.heading}
          count={countOf(CASE_LIMITS.heading, node.heading)}
          onChange={(e) => edit((b) => updateNode(b, path, { heading: e.target.value }))}
        />
        <Tooltip title="上移">
          <Button size="small" type="text" aria-label={`上移${label}`} icon={<ArrowUpOutlined />} disabled={path[path.length - 1] === 0} onClick={() => edit((b) => moveNode(b, path, -1), STRUCTURE)} />
        </Tooltip>
        <Tooltip title="下移">
          <Button size="small" type="text" aria-label={`下移${label}`} icon={<ArrowDownOutlined />} disabled={level === 1 && path[0] === siblings - 1} onClick={() => edit((b) => moveNode(b, path, 1), STRUCTURE)} />
        </Tooltip>
        <Tooltip title={`删除${LEVEL_NAMES[level]}`}>
          <Button size="small" type="text" danger aria-label={`删除${label}`} icon={<DeleteOutlined />} onClick={() => edit((b) => removeNode(b, path), { kind: 'remove', what: `${label}${node.heading ? `「${node.heading}」` : LEVEL_NAMES[level]}` })} />
        </Tooltip>
      </div>
      {(level >= 2 || node.text) && (
        <Input.TextArea
          aria-label={`${label}标题后文字`}
          classNames={{ textarea: 'grow-6' }}
          style={{ marginTop: 4 }}
          placeholder="标题后接的文字（可空）：如“（一）开办时间进一步缩短。”后面的说明"
          value={node.text}
          count={countOf(CASE_LIMITS.paragraph, node.text)}
          onChange={(e) => edit((b) => updateNode(b, path, { text: e.target.value }))}
        />
      )}
      {node.paragraphs.map((p, i) => (
        <ParagraphRow key={i} text={p} i={i} last={i === node.paragraphs.length - 1} at={at} label={label} edit={edit} />
      ))}
      {node.items.map((child, i) => (
        <NodeEditor key={i} node={child} at={`${at}.${i}`} siblings={0} edit={edit} />
      ))}
      <div className="toolbar" style={{ margin: '4px 0 0' }}>
        <Button size="small" aria-label={`${label}添加段落`} icon={<PlusOutlined />} onClick={() => edit((b) => setParagraphs(b, path, (ps) => [...ps, '']), STRUCTURE)}>
          段落
        </Button>
        {level < HEADING_LEVELS && (
          <Button size="small" aria-label={`${label}添加${LEVEL_NAMES[level + 1]}`} icon={<PlusOutlined />} onClick={() => edit((b) => addChild(b, path, { ...emptyNode(), paragraphs: [''] }), STRUCTURE)}>
            {ordinalFor(level + 1, node.items.length)}{LEVEL_NAMES[level + 1]}
          </Button>
        )}
        {level > 1 && (
          <Button size="small" type="dashed" onClick={() => edit((b) => insertAfter(b, path, { ...emptyNode(), paragraphs: [''] }), STRUCTURE)}>
            其后插入同级
          </Button>
        )}
      </div>
    </div>
  );
});

export function BodyEditor({ body, onChange, template }: { body: BodyNode[]; onChange: OnBody; template: string[] }) {
  const missing = template.filter((t) => !body.some((s) => s.heading.includes(t)));
  const latest = useRef({ body, onChange });
  latest.current = { body, onChange };
  const edit = useCallback<Edit>((f, change) => latest.current.onChange(f(latest.current.body), change), []);
  return (
    <div>
      {body.map((node, i) => (
        <NodeEditor key={i} node={node} at={String(i)} siblings={body.length} edit={edit} />
      ))}
      <div className="toolbar" style={{ marginTop: 8 }}>
        <Button icon={<PlusOutlined />} onClick={() => onChange([...body, { ...emptyNode(), paragraphs: [''] }], STRUCTURE)}>
          {ordinalFor(1, body.length)}部分
        </Button>
        {missing.length > 0 && (
          <Button type="dashed" onClick={() => onChange([...body, ...missing.map((h) => ({ ...emptyNode(h), paragraphs: [''] }))], STRUCTURE)}>
            按模板补齐：{missing.join('、')}
          </Button>
        )}
      </div>
    </div>
  );
}
