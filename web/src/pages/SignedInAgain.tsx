import { useEffect } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle';

/** Where "sign in again" returns to in its own tab: tells the other tab and offers to close. */
export function SignedInAgain() {
  useDocumentTitle('Signed in again');
  useEffect(() => {
    try {
      localStorage.setItem('aw.signedInAt', new Date().toISOString());
    } catch {
      // The other tab also re-checks on focus.
    }
  }, []);
  return (
    <section className="page narrow">
      <h1>You are signed in again</h1>
      <p>You can close this tab and go back to where you were: your work there is saved automatically.</p>
      <p>
        <Link to="/">Or go to your dashboard</Link>
      </p>
    </section>
  );
}
