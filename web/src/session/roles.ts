import type { Session } from '../api/types';

// What each account role lets a person do (docs/security.md, "Roles"): everyone is a reader;
// authors start books and series and use the AI tools; admins moderate published books.

export function isAuthor(session: Session | undefined): boolean {
  return session?.roles?.includes('author') === true;
}

export function isAdmin(session: Session | undefined): boolean {
  return session?.roles?.includes('admin') === true;
}
