import { Link } from 'react-router';
import { recentPositions } from './position';

export function ContinueReading() {
  const recent = recentPositions();
  if (recent.length === 0) {
    return null;
  }
  return (
    <section className="continue-reading" aria-labelledby="continue-heading">
      <h2 id="continue-heading">Continue reading</h2>
      <ul className="plain-list">
        {recent.map((p) => (
          <li key={p.bookId}>
            <Link to={`/read/${p.bookId}/${p.chapter}`}>
              <span className="continue-title">{p.title}</span>
              <span className="muted">
                {' '}
                — chapter {p.chapter}
                {p.chapterTitle ? `: ${p.chapterTitle}` : ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
