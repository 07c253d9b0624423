import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Tooltip } from 'antd';
import { memo } from 'react';
import { useLatestCallback } from '../hooks';
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
          edit((b) => setParagraphs(b, at.split('.').map(Number), (ps) => ps.map((x, j) => (j === i ? value : x))));
        }}
      />
      <ParagraphTools i={i} last={last} at={at} label={label} filled={!!text.trim()} edit={edit} />
    </div>
  );
});

/** A paragraph's buttons: memo apart from its text, so that typing does not render its three tooltips and buttons again. */
const ParagraphTools = memo(function ParagraphTools({ i, last, at, label, filled, edit }: { i: number; last: boolean; at: string; label: string; filled: boolean; edit: Edit }) {
  const set = (f: (ps: string[]) => string[], change?: BodyChange) => edit((b) => setParagraphs(b, at.split('.').map(Number), f), change);
  return (
    <>
      <Tooltip title="上移段落">
        <Button size="small" type="text" aria-label={`上移${label}第${i + 1}段`} icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => set((ps) => moveInList(ps, i, -1), STRUCTURE)} />
      </Tooltip>
      <Tooltip title="下移段落">
        <Button size="small" type="text" aria-label={`下移${label}第${i + 1}段`} icon={<ArrowDownOutlined />} disabled={last} onClick={() => set((ps) => moveInList(ps, i, 1), STRUCTURE)} />
      </Tooltip>
      <Tooltip title="删除段落">
        <Button size="small" type="text" danger aria-label={`删除${label}第${i + 1}段`} icon={<DeleteOutlined />} onClick={() => set((ps) => ps.filter((_, j) => j !== i), filled ? { kind: 'remove', what: `${label}第${i + 1}段` } : STRUCTURE)} />
      </Tooltip>
    </>
  );
});

// A keystroke re-renders only the node it changed and its ancestors (and of its paragraphs only the one typed in) (the body operations keep the other nodes'
// identity): memo over node, position and a stable `edit`, so typing in a long case stays under a frame (issue 13).
// A node's heading row, its text and its toolbar are memo apart, so that typing in one of its paragraphs renders none of them.
const NodeEditor = memo(function NodeEditor({ node, at, siblings, edit }: { node: BodyNode; at: string; siblings: number; edit: Edit }) {
  const path = at.split('.').map(Number);
  const level = path.length;
  const label = nodeLabel(path);
  return (
    <div className={`node node-level-${level}`} data-testid={`node-${path.join('-')}`}>
      <NodeHead heading={node.heading} at={at} siblings={siblings} edit={edit} />
      {(level >= 2 || node.text) && <NodeText text={node.text} at={at} edit={edit} />}
      {node.paragraphs.map((p, i) => (
        <ParagraphRow key={i} text={p} i={i} last={i === node.paragraphs.length - 1} at={at} label={label} edit={edit} />
      ))}
      {node.items.map((child, i) => (
        <NodeEditor key={i} node={child} at={`${at}.${i}`} siblings={0} edit={edit} />
      ))}
      <NodeToolbar at={at} items={node.items.length} edit={edit} />
    </div>
  );
});

/** «一、（一）1.» of the node at `path`, as the proofreader names its places. */
const nodeLabel = (path: number[]) => path.map((i, d) => ordinalFor(Math.min(d + 1, HEADING_LEVELS), i)).join('');

const NodeHead = memo(function NodeHead({ heading, at, siblings, edit }: { heading: string; at: string; siblings: number; edit: Edit }) {
  const path = at.split('.').map(Number);
  const level = path.length;
  const ordinal = ordinalFor(Math.min(level, HEADING_LEVELS), path[path.length - 1]!);
  const label = nodeLabel(path);
  return (
    <div className="node-head">
      <span className="ordinal">{ordinal}</span>
      <Input
        aria-label={`${label}标题`}
        placeholder={`${LEVEL_NAMES[level]}标题`}
        value={heading}
        count={countOf(CASE_LIMITS.heading, heading)}
        onChange={(e) => edit((b) => updateNode(b, path, { heading: e.target.value }))}
      />
      <Tooltip title="上移">
        <Button size="small" type="text" aria-label={`上移${label}`} icon={<ArrowUpOutlined />} disabled={path[path.length - 1] === 0} onClick={() => edit((b) => moveNode(b, path, -1), STRUCTURE)} />
      </Tooltip>
      <Tooltip title="下移">
        <Button size="small" type="text" aria-label={`下移${label}`} icon={<ArrowDownOutlined />} disabled={level === 1 && path[0] === siblings - 1} onClick={() => edit((b) => moveNode(b, path, 1), STRUCTURE)} />
      </Tooltip>
      <Tooltip title={`删除${LEVEL_NAMES[level]}`}>
        <Button size="small" type="text" danger aria-label={`删除${label}`} icon={<DeleteOutlined />} onClick={() => edit((b) => removeNode(b, path), { kind: 'remove', what: `${label}${heading ? `「${heading}」` : LEVEL_NAMES[level]}` })} />
      </Tooltip>
    </div>
  );
});

const NodeText = memo(function NodeText({ text, at, edit }: { text: string; at: string; edit: Edit }) {
  const path = at.split('.').map(Number);
  return (
    <Input.TextArea
      aria-label={`${nodeLabel(path)}标题后文字`}
      classNames={{ textarea: 'grow-6' }}
      style={{ marginTop: 4 }}
      placeholder="标题后接的文字（可空）：如“（一）开办时间进一步缩短。”后面的说明"
      value={text}
      count={countOf(CASE_LIMITS.paragraph, text)}
      onChange={(e) => edit((b) => updateNode(b, path, { text: e.target.value }))}
    />
  );
});

const NodeToolbar = memo(function NodeToolbar({ at, items, edit }: { at: string; items: number; edit: Edit }) {
  const path = at.split('.').map(Number);
  const level = path.length;
  const label = nodeLabel(path);
  return (
    <div className="toolbar" style={{ margin: '4px 0 0' }}>
      <Button size="small" aria-label={`${label}添加段落`} icon={<PlusOutlined />} onClick={() => edit((b) => setParagraphs(b, path, (ps) => [...ps, '']), STRUCTURE)}>
        段落
      </Button>
      {level < HEADING_LEVELS && (
        <Button size="small" aria-label={`${label}添加${LEVEL_NAMES[level + 1]}`} icon={<PlusOutlined />} onClick={() => edit((b) => addChild(b, path, { ...emptyNode(), paragraphs: [''] }), STRUCTURE)}>
          {ordinalFor(level + 1, items)}{LEVEL_NAMES[level + 1]}
        </Button>
      )}
      {level > 1 && (
        <Button size="small" type="dashed" onClick={() => edit((b) => insertAfter(b, path, { ...emptyNode(), paragraphs: [''] }), STRUCTURE)}>
          其后插入同级
        </Button>
      )}
    </div>
  );
});

/** The latest list and change handler, read when an edit happens: an `edit` that never changes identity. */
function useEdit<T>(value: T, onChange: (v: T, change?: BodyChange) => void) {
  return useLatestCallback((f: (v: T) => T, change?: BodyChange) => onChange(f(value), change));
}

/** The body's parts. Memo (with a stable `onChange`): the case editor renders again at each keystroke, this only when the body changed. */
export const BodyEditor = memo(function BodyEditor({ body, onChange, template }: { body: BodyNode[]; onChange: OnBody; template: string[] }) {
  const edit = useEdit(body, onChange);
  return (
    <div>
      {body.map((node, i) => (
        <NodeEditor key={i} node={node} at={String(i)} siblings={body.length} edit={edit} />
      ))}
      <BodyToolbar parts={body.length} missing={missingParts(template, body).join('、')} template={template} edit={edit} />
    </div>
  );
});

/** The template's parts that no heading of the body names yet. */
const missingParts = (template: string[], body: BodyNode[]) => template.filter((t) => !body.some((s) => s.heading.includes(t)));

/** `missing`: the parts to add, as shown (a string, so that the toolbar renders again only when it changes). */
const BodyToolbar = memo(function BodyToolbar({ parts, missing, template, edit }: { parts: number; missing: string; template: string[]; edit: Edit }) {
  return (
    <div className="toolbar" style={{ marginTop: 8 }}>
      <Button icon={<PlusOutlined />} onClick={() => edit((b) => [...b, { ...emptyNode(), paragraphs: [''] }], STRUCTURE)}>
        {ordinalFor(1, parts)}部分
      </Button>
      {missing && (
        <Button type="dashed" onClick={() => edit((b) => [...b, ...missingParts(template, b).map((h) => ({ ...emptyNode(h), paragraphs: [''] }))], STRUCTURE)}>
          按模板补齐：{missing}
        </Button>
      )}
    </div>
  );
});

type OnLead = (lead: string[], change?: BodyChange) => void;

/** The 导语's paragraphs: memo like the body, each row memo over its text. */
export const LeadEditor = memo(function LeadEditor({ lead, onChange }: { lead: string[]; onChange: OnLead }) {
  const edit = useEdit(lead, onChange);
  return (
    <>
      {lead.map((p, i) => (
        <LeadRow key={i} text={p} i={i} edit={edit} />
      ))}
      <LeadToolbar edit={edit} />
    </>
  );
});

type EditLead = (f: (lead: string[]) => string[], change?: BodyChange) => void;

const LeadRow = memo(function LeadRow({ text, i, edit }: { text: string; i: number; edit: EditLead }) {
  return (
    <div className="para-row">
      <Input.TextArea
        aria-label={`导语第${i + 1}段`}
        classNames={{ textarea: 'grow-12' }}
        value={text}
        count={countOf(CASE_LIMITS.paragraph, text)}
        onChange={(e) => {
          const value = e.target.value;
          edit((lead) => lead.map((x, j) => (j === i ? value : x)));
        }}
      />
      <LeadRemove i={i} filled={!!text.trim()} edit={edit} />
    </div>
  );
});

const LeadRemove = memo(function LeadRemove({ i, filled, edit }: { i: number; filled: boolean; edit: EditLead }) {
  return (
    <Button size="small" type="text" danger onClick={() => edit((lead) => lead.filter((_, j) => j !== i), filled ? { kind: 'remove', what: `导语第${i + 1}段` } : STRUCTURE)}>
      删除
    </Button>
  );
});

const LeadToolbar = memo(function LeadToolbar({ edit }: { edit: EditLead }) {
  return (
    <div className="toolbar" style={{ margin: '4px 0 8px' }}>
      <Button size="small" onClick={() => edit((lead) => [...lead, ''], STRUCTURE)}>
        添加导语段落
      </Button>
    </div>
  );
});
