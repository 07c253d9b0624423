import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Table } from 'antd';
import { createContext, useContext, useMemo, type HTMLAttributes } from 'react';
import type { BatchItem } from '../../../shared/domain';

// The batch's items in 序号 order; drag a row (or use the keyboard on its handle) to reorder. 序号 follow.

const HandleContext = createContext<Record<string, unknown>>({});

function Row(props: HTMLAttributes<HTMLTableRowElement> & { 'data-row-key': string }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: props['data-row-key'] });
  const style = { ...props.style, transform: CSS.Translate.toString(transform), transition, ...(isDragging ? { background: '#fff1f0', zIndex: 2, position: 'relative' as const } : {}) };
  const handle = useMemo(() => ({ ...attributes, ...listeners }), [attributes, listeners]);
  return (
    <HandleContext.Provider value={handle}>
      <tr {...props} ref={setNodeRef} style={style} />
    </HandleContext.Provider>
  );
}

function Handle({ label }: { label: string }) {
  const handle = useContext(HandleContext);
  return <Button type="text" size="small" className="drag" icon={<HolderOutlined />} aria-label={`拖动 ${label}`} {...handle} />;
}

export function SortableItems({ items, frozen, onReorder, onRemove }: { items: BatchItem[]; frozen: boolean; onReorder: (ids: number[]) => void; onRemove: (id: number) => void }) {
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = items.map((i) => String(i.caseId));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const moved = arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
    onReorder(moved.map(Number));
  };
  const table = (
    <Table<BatchItem>
      className="items-table"
      rowKey={(i) => String(i.caseId)}
      size="small"
      pagination={false}
      dataSource={items}
      components={frozen ? undefined : { body: { row: Row } }}
      columns={[
        ...(frozen ? [] : [{ key: 'drag', width: 36, render: (_: unknown, i: BatchItem) => <Handle label={i.case.title} /> }]),
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
    />
  );
  if (frozen) return table;
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {table}
      </SortableContext>
    </DndContext>
  );
}
