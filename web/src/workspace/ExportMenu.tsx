import { useRef, type KeyboardEvent } from 'react';
import { books } from '../api/endpoints';

const FORMATS = [
  { format: 'epub', label: 'EPUB', hint: 'for e-readers' },
  { format: 'pdf', label: 'PDF', hint: 'for print' },
  { format: 'markdown', label: 'Markdown', hint: 'plain text' },
] as const;

/**
 * Plain download links: the browser sends the session cookie and saves the file. Escape
 * closes the menu and puts focus back on its button, as in any menu.
 */
export function ExportMenu({ bookId }: { bookId: string }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && menu.current?.open) {
      menu.current.open = false;
      menu.current.querySelector('summary')?.focus();
    }
  };
  return (
    <details className="menu" ref={menu} onKeyDown={onKeyDown}>
      <summary className="button">Export</summary>
      <ul className="menu-list" aria-label="Export formats">
        {FORMATS.map(({ format, label, hint }) => (
          <li key={format}>
            <a
              href={books.exportUrl(bookId, format)}
              download
              onClick={() => {
                if (menu.current) {
                  menu.current.open = false;
                }
              }}
            >
              {label} <span className="muted small">{hint}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
