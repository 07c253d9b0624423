// Text with the search hits marked; segments come from the core, so nothing here is parsed as markup.
export function Highlight({ segments }: { segments: { text: string; hit: boolean }[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.hit ? (
          <mark key={i} className="hit">
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
