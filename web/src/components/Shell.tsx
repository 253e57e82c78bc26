import type { ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Link, NavLink, useLocation } from 'react-router';
import { useSession } from '../session/session';
import { ThemeToggle } from './ThemeToggle';
import { isAdmin } from '../session/roles';

export function Shell({ children }: { children: ReactNode }) {
  const { session, loading, signInUrl, signOut, expired } = useSession();
  const location = useLocation();
  const signingOutNow = useMutation({ mutationFn: signOut });
  // Signing out leaves the page, so the button stays off once it has worked.
  const signingOut = signingOutNow.isPending || signingOutNow.isSuccess;
  const signOutError = signingOutNow.isError
    ? 'Signing out did not work. Check your connection and try again.'
    : undefined;
  const signedIn = session?.authenticated === true;
  const returnTo = location.pathname + location.search;

  const onSignOut = () => signingOutNow.mutate();

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand" aria-label="AuthorWorks home">
            <span className="brand-mark" aria-hidden="true">
              A
            </span>
            <span className="brand-name">AuthorWorks</span>
          </Link>
          <nav aria-label="Main" className="main-nav">
            <ul>
              {signedIn && (
                <li>
                  <NavLink to="/" end>
                    Dashboard
                  </NavLink>
                </li>
              )}
              <li>
                <NavLink to="/read">Read</NavLink>
              </li>
              {signedIn && (
                <li>
                  <NavLink to="/settings">Account</NavLink>
                </li>
              )}
              {signedIn && isAdmin(session) && (
                <li>
                  <NavLink to="/admin">Administration</NavLink>
                </li>
              )}
            </ul>
          </nav>
          <div className="header-tools">
            <ThemeToggle />
            {loading ? null : signedIn ? (
              <>
                <span className="signed-in-as" title={session?.username ? `@${session.username}` : undefined}>
                  {session?.displayName ?? session?.username}
                </span>
                <button type="button" className="button small" onClick={onSignOut} disabled={signingOut}>
                  {signingOut ? 'Signing out…' : 'Sign out'}
                </button>
              </>
            ) : (
              <>
                <a className="button small" href={signInUrl(returnTo === '/' ? '/' : returnTo)}>
                  Sign in
                </a>
                <a className="button small primary" href="/signup">
                  Sign up
                </a>
              </>
            )}
          </div>
        </div>
      </header>
      {signOutError && (
        <div className="banner banner-error" role="alert">
          {signOutError}
        </div>
      )}
      {expired && (
        <div className="banner banner-warn" role="alert">
          <p>
            <strong>Your session has ended.</strong> Anything you type is kept on this device and saved as soon as you
            are back.{' '}
            <a href={signInUrl('/signed-in')} target="_blank" rel="noopener">
              Sign in again (opens a new tab)
            </a>
          </p>
        </div>
      )}
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>
          AuthorWorks — write, revise, publish. <a href="/api-docs">API documentation</a>
        </p>
      </footer>
    </>
  );
}
