import type { ThHTMLAttributes } from 'react';

// A table header cell with a grip on its right edge: drag it to set the column's width (the table keeps it).
export type ResizableProps = ThHTMLAttributes<HTMLTableCellElement> & { width?: number; onResize?: (width: number) => void; resizeLabel?: string };

export function ResizableTitle({ width, onResize, resizeLabel, ...rest }: ResizableProps) {
  if (!onResize || !width) return <th {...rest} />;
  const start = (e: React.MouseEvent) => {
    e.preventDefault();
    e.stopPropagation(); // not a click on the header (that sorts)
    const x0 = e.clientX;
    const move = (m: MouseEvent) => onResize(width + m.clientX - x0);
    const up = () => (window.removeEventListener('mousemove', move), window.removeEventListener('mouseup', up));
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  };
  return (
    <th {...rest}>
      {rest.children}
      <span
        className="col-resize"
        role="separator"
        aria-orientation="vertical"
        aria-label={resizeLabel ?? '调整列宽'}
        onMouseDown={start}
        onClick={(e) => e.stopPropagation()}
      />
    </th>
  );
}
