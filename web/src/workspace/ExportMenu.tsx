import { books } from '../api/endpoints';

const FORMATS = [
  { format: 'epub', label: 'EPUB', hint: 'for e-readers' },
  { format: 'pdf', label: 'PDF', hint: 'for print' },
  { format: 'markdown', label: 'Markdown', hint: 'plain text' },
] as const;

/** Plain download links: the browser sends the session cookie and saves the file. */
export function ExportMenu({ bookId }: { bookId: string }) {
  return (
    <details className="menu">
      <summary className="button">Export</summary>
      <ul className="menu-list" aria-label="Export formats">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <a href={books.exportUrl(bookId, format)} download>
              {label} <span className="muted small">{hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
