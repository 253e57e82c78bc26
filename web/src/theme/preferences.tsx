import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { account } from '../api/endpoints';
import type { Preferences } from '../api/types';
import { useSession } from '../session/session';
import { applyTheme, isThemeChoice, storeTheme, storedTheme, type ThemeChoice } from './theme';
import { queryKeys } from '../api/queryKeys';

export const DEFAULT_FONT_SIZE = 18;
export const FONT_SIZE_KEY = 'editor.fontSize';

interface PreferencesValue {
  theme: ThemeChoice;
  setTheme: (choice: ThemeChoice) => Promise<void>;
  fontSize: number;
  setFontSize: (size: number) => Promise<void>;
  preferences: Preferences | undefined;
}

const PreferencesContext = createContext<PreferencesValue | undefined>(undefined);

export function fontSizeOf(preferences: Preferences | undefined): number {
  const value = preferences?.[FONT_SIZE_KEY];
  return typeof value === 'number' && Number.isInteger(value) && value >= 10 && value <= 32 ? value : DEFAULT_FONT_SIZE;
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const signedIn = session?.authenticated === true;
  const client = useQueryClient();
  const [theme, setThemeState] = useState<ThemeChoice>(() => storedTheme());
  const preferences = useQuery({
    queryKey: queryKeys.preferences(),
    queryFn: account.preferences,
    enabled: signedIn,
    staleTime: 5 * 60_000,
  });

  // The account's saved theme wins over this device's once it is known.
  useEffect(() => {
    const saved = preferences.data?.theme;
    if (isThemeChoice(saved)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the account's saved theme arrives after the first render
      setThemeState(saved);
      storeTheme(saved);
    }
  }, [preferences.data]);

  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'system' || typeof window.matchMedia !== 'function') {
      return undefined;
    }
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => applyTheme('system');
    media.addEventListener?.('change', follow);
    return () => media.removeEventListener?.('change', follow);
  }, [theme]);

  const setTheme = useCallback(
    async (choice: ThemeChoice) => {
      setThemeState(choice);
      storeTheme(choice);
      if (signedIn) {
        await account.setPreference('theme', choice);
        client.setQueryData<Preferences>(queryKeys.preferences(), (old) => ({ ...(old ?? {}), theme: choice }));
      }
    },
    [signedIn, client],
  );

  const setFontSize = useCallback(
    async (size: number) => {
      await account.setPreference(FONT_SIZE_KEY, size);
      client.setQueryData<Preferences>(queryKeys.preferences(), (old) => ({ ...(old ?? {}), [FONT_SIZE_KEY]: size }));
    },
    [client],
  );

  const value = useMemo(
    () => ({ theme, setTheme, fontSize: fontSizeOf(preferences.data), setFontSize, preferences: preferences.data }),
    [theme, setTheme, preferences.data, setFontSize],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) {
    throw new Error('usePreferences outside PreferencesProvider');
  }
  return value;
}
