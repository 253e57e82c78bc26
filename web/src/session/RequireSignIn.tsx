import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Loading, ErrorNotice } from '../components/States';
import { useSession } from './session';

/** Shows its children to signed-in people; everyone else is invited to sign in. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { session, loading, error, signInUrl, recheck } = useSession();
  const location = useLocation();
  if (loading) {
    return <Loading label="Checking your session…" />;
  }
  if (error) {
    return (
      <ErrorNotice error={new Error(error)} onRetry={() => void recheck()} title="AuthorWorks could not be reached" />
    );
  }
  if (!session?.authenticated) {
    return (
      <section className="page narrow">
        <h1>Sign in to continue</h1>
        <p>This page is part of your writing space. Sign in, or create an account in a minute.</p>
        <p className="button-row">
          <a className="button primary" href={signInUrl(location.pathname + location.search)}>
            Sign in
          </a>
          <a className="button" href="/signup">
            Sign up
          </a>
        </p>
      </section>
    );
  }
  return <>{children}</>;
}
