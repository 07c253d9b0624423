import { headingLine, printBlocks } from '../../../shared/body';
import type { BodyNode } from '../../../shared/domain';

// The case as it will print in the attachment: the same ordinals and fonts by level as the Word export.
export function CasePreview({ title, unitName, lead, body }: { title: string; unitName: string; lead: string[]; body: BodyNode[] }) {
  return (
    <div className="preview" data-testid="case-preview">
      <h1>{title || '（无标题）'}</h1>
      <div className="unit">（{unitName || '××'}提供）</div>
      <br />
      {lead.map((p, i) => (
        <p key={`l${i}`}>{p}</p>
      ))}
      {printBlocks(body).map((b, i) => {
        if (b.kind === 'paragraph') return <p key={i}>{b.text}</p>;
        const { heading, rest } = headingLine(b.heading, b.text);
        return (
          <p key={i}>
            <span className={b.level === 1 ? 'h1' : b.level === 2 ? 'h2' : undefined}>
              {b.ordinal}
              {heading}
            </span>
            {rest}
          </p>
        );
      })}
    </div>
  );
}
