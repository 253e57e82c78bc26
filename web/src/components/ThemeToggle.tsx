import { useState } from 'react';
import { usePreferences } from '../theme/preferences';
import { nextTheme, type ThemeChoice } from '../theme/theme';

const LABELS: Record<ThemeChoice, string> = { light: 'Light', dark: 'Dark', system: 'System' };
const ICONS: Record<ThemeChoice, string> = { light: '☀', dark: '☾', system: '◐' };

/** Cycles light → dark → system; the button says what is on now and what pressing does. */
export function ThemeToggle() {
  const { theme, setTheme } = usePreferences();
  const [failed, setFailed] = useState(false);
  const next = nextTheme(theme);
  return (
    <button
      type="button"
      className="button small theme-toggle"
      onClick={() => {
        setFailed(false);
        setTheme(next).catch(() => setFailed(true));
      }}
      aria-label={`Theme: ${LABELS[theme]}. Switch to ${LABELS[next]}.`}
      title={failed ? 'The theme applies here but could not be saved to your account.' : `Theme: ${LABELS[theme]}`}
    >
      <span aria-hidden="true">{ICONS[theme]}</span>
      <span className="theme-toggle-label">{LABELS[theme]}</span>
    </button>
  );
}
