/** Light, dark, or whatever the system says; saved as the account's `theme` preference. */
export type ThemeChoice = 'light' | 'dark' | 'system';
export type AppliedTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'aw.theme';
export const THEME_CHOICES: ThemeChoice[] = ['light', 'dark', 'system'];

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return value === 'light' || value === 'dark' || value === 'system';
}

export function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)').matches
    : false;
}

export function resolveTheme(choice: ThemeChoice, prefersDark: boolean): AppliedTheme {
  if (choice === 'system') {
    return prefersDark ? 'dark' : 'light';
  }
  return choice;
}

/** Sets `data-theme` on <html> (the same thing public/theme-init.js does before paint). */
export function applyTheme(
  choice: ThemeChoice,
  root: HTMLElement = document.documentElement,
  prefersDark: boolean = systemPrefersDark(),
): AppliedTheme {
  const applied = resolveTheme(choice, prefersDark);
  root.setAttribute('data-theme', applied);
  root.style.colorScheme = applied;
  return applied;
}

export function storedTheme(storage: Storage | undefined = safeLocalStorage()): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

export function storeTheme(choice: ThemeChoice, storage: Storage | undefined = safeLocalStorage()): void {
  try {
    if (choice === 'system') {
      storage?.removeItem(THEME_STORAGE_KEY);
    } else {
      storage?.setItem(THEME_STORAGE_KEY, choice);
    }
  } catch {
    // Private mode without storage: the theme still applies for this page.
  }
}

/** The next choice when the header's toggle is pressed: light → dark → system → light. */
export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length] as ThemeChoice;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
