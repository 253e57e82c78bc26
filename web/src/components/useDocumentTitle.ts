import { useEffect } from 'react';

export const APP_NAME = 'AuthorWorks';

/**
 * Names the page in the browser tab, history and bookmarks (`Title · AuthorWorks`), so
 * that tabs and screen readers can tell pages apart. `undefined` leaves the title as it is
 * while the page is still loading what it is named after.
 */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    if (title !== undefined) {
      document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
    }
  }, [title]);
}
