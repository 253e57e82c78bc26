import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../api/problem';
import { DEFAULT_FONT_SIZE, usePreferences } from '../theme/preferences';
import type { ThemeChoice } from '../theme/theme';

const SIZES = [14, 16, 18, 20, 22, 24, 28];

export function PreferencesSection() {
  const { theme, setTheme, fontSize, setFontSize } = usePreferences();
  const saving = useMutation({ mutationFn: ({ action }: { action: () => Promise<void>; done: string }) => action() });
  const message = saving.isSuccess ? saving.variables.done : undefined;
  const error = saving.error ? errorMessage(saving.error) : undefined;
  const run = (action: () => Promise<void>, done: string) => saving.mutate({ action, done });

  return (
    <section id="preferences" className="card" aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Preferences</h2>
      <fieldset className="choice-group">
        <legend>Theme</legend>
        {(['light', 'dark', 'system'] as ThemeChoice[]).map((choice) => (
          <label key={choice} className="choice">
            <input
              type="radio"
              name="theme"
              value={choice}
              checked={theme === choice}
              onChange={() => run(() => setTheme(choice), 'Theme saved.')}
            />
            <span>{choice === 'system' ? 'Same as my device' : choice === 'light' ? 'Light' : 'Dark'}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="editor-font-size">Editor text size</label>
        <select
          id="editor-font-size"
          value={fontSize}
          onChange={(e) => run(() => setFontSize(Number(e.target.value)), 'Text size saved.')}
        >
          {Array.from(new Set([...SIZES, fontSize]))
            .sort((a, b) => a - b)
            .map((size) => (
              <option key={size} value={size}>
                {size} px{size === DEFAULT_FONT_SIZE ? ' (default)' : ''}
              </option>
            ))}
        </select>
        <p className="editor-preview" style={{ fontSize: `${fontSize}px` }} aria-hidden="true">
          The quick brown fox wrote a novel.
        </p>
      </div>
      <p role="status" className="muted small">
        {message}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
