import { lazy, Suspense, useEffect, useRef } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { SessionProvider } from './session/session';
import { PreferencesProvider } from './theme/preferences';
import { Shell } from './components/Shell';
import { Loading } from './components/States';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { RequireSignIn } from './session/RequireSignIn';
import { SignedInAgain } from './pages/SignedInAgain';

const NewBookPage = lazy(() => import('./pages/NewBook').then((m) => ({ default: m.NewBookPage })));
const Workspace = lazy(() => import('./workspace/Workspace').then((m) => ({ default: m.Workspace })));
const Browse = lazy(() => import('./reader/Browse').then((m) => ({ default: m.Browse })));
const BookCover = lazy(() => import('./reader/BookCover').then((m) => ({ default: m.BookCover })));
const ChapterReader = lazy(() => import('./reader/ChapterReader').then((m) => ({ default: m.ChapterReader })));
const Moderation = lazy(() => import('./admin/Moderation').then((m) => ({ default: m.Moderation })));
const Settings = lazy(() => import('./account/Settings').then((m) => ({ default: m.Settings })));

export function App() {
  return (
    <SessionProvider>
      <PreferencesProvider>
        <FocusOnNavigate />
        <Shell>
          <Suspense fallback={<Loading />}>
            <Routes>
              <Route path="/" element={<Home />} />
              <Route
                path="/books/new"
                element={
                  <RequireSignIn>
                    <NewBookPage />
                  </RequireSignIn>
                }
              />
              <Route
                path="/books/:bookId/*"
                element={
                  <RequireSignIn>
                    <Workspace />
                  </RequireSignIn>
                }
              />
              <Route path="/read" element={<Browse />} />
              <Route path="/read/:bookId" element={<BookCover />} />
              <Route path="/read/:bookId/:number" element={<ChapterReader />} />
              <Route
                path="/settings"
                element={
                  <RequireSignIn>
                    <Settings />
                  </RequireSignIn>
                }
              />
              <Route
                path="/admin"
                element={
                  <RequireSignIn>
                    <Moderation />
                  </RequireSignIn>
                }
              />
              <Route path="/signed-in" element={<SignedInAgain />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </Shell>
      </PreferencesProvider>
    </SessionProvider>
  );
}

/**
 * After a client-side navigation, moves focus to the main heading so screen-reader and
 * keyboard users start at the new page rather than at the link they pressed. A page that
 * renders its heading later (code or data still loading) gets focus when the heading
 * appears, as long as focus has not gone anywhere else meanwhile: a field the user has
 * already clicked or typed into keeps it.
 */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Where focus was when the page changed (the link pressed, or nothing).
    const left = document.activeElement;
    const focusHeading = () => {
      const heading = document.querySelector<HTMLElement>('main h1');
      if (!heading) {
        return;
      }
      const active = document.activeElement;
      const adrift = !active || active === document.body || !active.isConnected || active === left;
      if (adrift) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: false });
      }
    };
    const timer = window.setTimeout(focusHeading, 50);
    const observer = new MutationObserver(focusHeading);
    observer.observe(document.querySelector('main') ?? document.body, { childList: true, subtree: true });
    const stop = window.setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(stop);
      observer.disconnect();
    };
  }, [pathname]);
  return null;
}
