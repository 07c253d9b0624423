import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Table } from 'antd';
import { createContext, useContext, useMemo, type HTMLAttributes, type ReactNode } from 'react';
import type { BatchItem } from '../../../shared/domain';

// Table rows that reorder by drag (or by the keyboard on a row's handle), with what a screen reader hears in
// Chinese: the batch's items (序号 follow), and the settings' units and fields.

const HandleContext = createContext<Record<string, unknown>>({});

/** The body row of a sortable table: pass as `components={{ body: { row: SortableRow } }}`. */
export function SortableRow(props: HTMLAttributes<HTMLTableRowElement> & { 'data-row-key': string }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: props['data-row-key'], attributes: { roleDescription: '可拖动排序的行' } });
  const style = { ...props.style, transform: CSS.Translate.toString(transform), transition, ...(isDragging ? { background: '#fff1f0', zIndex: 2, position: 'relative' as const } : {}) };
  const handle = useMemo(() => ({ ...attributes, ...listeners }), [attributes, listeners]);
  return (
    <HandleContext.Provider value={handle}>
      <tr {...props} ref={setNodeRef} style={style} />
    </HandleContext.Provider>
  );
}

export function DragHandle({ label }: { label: string }) {
  const handle = useContext(HandleContext);
  return <Button type="text" size="small" className="drag" icon={<HolderOutlined />} aria-label={`拖动 ${label}`} {...handle} />;
}

function announcements(ids: string[], labelOf: (id: string) => string): Announcements {
  const at = (id: UniqueIdentifier) => ids.indexOf(String(id)) + 1;
  const name = (id: UniqueIdentifier) => labelOf(String(id));
  return {
    onDragStart: ({ active }) => `已拿起「${name(active.id)}」，现在是第 ${at(active.id)} 项，共 ${ids.length} 项。`,
    onDragOver: ({ active, over }) => (!over ? `「${name(active.id)}」已移出列表范围。` : over.id === active.id ? undefined : `「${name(active.id)}」移到第 ${at(over.id)} 项的位置。`),
    onDragEnd: ({ active, over }) => (over ? `已放下「${name(active.id)}」，现在是第 ${at(over.id)} 项。` : `已放下「${name(active.id)}」，顺序未变。`),
    onDragCancel: ({ active }) => `已取消拖动「${name(active.id)}」，顺序未变。`,
  };
}

const INSTRUCTIONS = '按空格或回车拿起这一行，用上下方向键移动，再按空格或回车放下；按 Esc 取消。';

/** The drag-and-drop frame around a sortable table whose row keys are `ids`. */
export function SortableFrame({ ids, labelOf, onReorder, children }: { ids: string[]; labelOf: (id: string) => string; onReorder: (ids: string[]) => void; children: ReactNode }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements: announcements(ids, labelOf), screenReaderInstructions: { draggable: INSTRUCTIONS } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {children}
      </SortableContext>
    </DndContext>
  );
}

export function SortableItems({ items, frozen, onReorder, onRemove }: { items: BatchItem[]; frozen: boolean; onReorder: (ids: number[]) => void; onRemove: (id: number) => void }) {
  const ids = items.map((i) => String(i.caseId));
  const table = (
    <Table<BatchItem>
      className="items-table"
      rowKey={(i) => String(i.caseId)}
      size="small"
      pagination={false}
      dataSource={items}
      components={frozen ? undefined : { body: { row: SortableRow } }}
      columns={[
        ...(frozen ? [] : [{ key: 'drag', width: 36, render: (_: unknown, i: BatchItem) => <DragHandle label={i.case.title} /> }]),
        { title: '序号', dataIndex: 'seq', width: 56, align: 'center' as const },
        { title: '案例名称', render: (_: unknown, i: BatchItem) => <a href={`#/cases/${i.caseId}`}>{i.case.title}</a> },
        { title: '提供单位', width: 110, render: (_: unknown, i: BatchItem) => i.case.unitName },
        ...(frozen
          ? []
          : [
              {
                key: 'remove',
                width: 44,
                render: (_: unknown, i: BatchItem) => <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`移出 ${i.case.title}`} onClick={() => onRemove(i.caseId)} />,
              },
            ]),
      ]}
      locale={{ emptyText: '批次中还没有案例：在左侧勾选案例，再点「加入批次」。' }}
    />
  );
  if (frozen) return table;
  const titles = new Map(items.map((i) => [String(i.caseId), i.case.title]));
  return (
    <SortableFrame ids={ids} labelOf={(id) => titles.get(id) ?? id} onReorder={(order) => onReorder(order.map(Number))}>
      {table}
    </SortableFrame>
  );
}
