import { Link } from 'react-router';
import { useSession } from '../session/session';
import { Loading } from '../components/States';
import { Dashboard } from './Dashboard';
import { ContinueReading } from '../reader/ContinueReading';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function Home() {
  const { session, loading, signInUrl } = useSession();
  useDocumentTitle(loading ? undefined : session?.authenticated ? 'Your books' : '');
  if (loading) {
    return <Loading />;
  }
  if (session?.authenticated) {
    return <Dashboard />;
  }
  return (
    <div className="page">
      <section className="hero">
        <h1>Write the book. Keep every word.</h1>
        <p className="lead">
          AuthorWorks is a calm place to write long-form fiction: chapters that save themselves, a story bible that
          remembers your world, revisions you can always go back to, and one click to publish for readers.
        </p>
        <p className="button-row">
          <a className="button primary large" href="/signup">
            Sign up — it is free
          </a>
          <a className="button large" href={signInUrl('/')}>
            Sign in
          </a>
          <Link className="button large quiet" to="/read">
            Browse books
          </Link>
        </p>
      </section>
      <ContinueReading />
      <section className="features" aria-label="What you can do">
        <div className="feature">
          <h2>Never lose a word</h2>
          <p>Every keystroke is kept on your device until the server has it. Offline? It retries on its own.</p>
        </div>
        <div className="feature">
          <h2>Your world, organised</h2>
          <p>Characters, places, lore and a style guide, next to the manuscript where you need them.</p>
        </div>
        <div className="feature">
          <h2>Publish and share</h2>
          <p>Export EPUB, PDF or Markdown, or publish to readers with a clean, comfortable reading view.</p>
        </div>
      </section>
    </div>
  );
}
