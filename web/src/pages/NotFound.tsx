import { Link } from 'react-router';
import { useDocumentTitle } from '../components/useDocumentTitle';

export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <section className="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/">Go to the start page</Link> or <Link to="/read">browse published books</Link>.
      </p>
    </section>
  );
}
