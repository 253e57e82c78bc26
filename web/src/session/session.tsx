import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { bff, onUnauthorized } from '../api/endpoints';
import type { Session } from '../api/types';
import { errorMessage } from '../api/problem';
import { queryKeys } from '../api/queryKeys';

interface SessionContextValue {
  session: Session | undefined;
  loading: boolean;
  error?: string;
  /** True after an API call answered 401 although we thought we were signed in. */
  expired: boolean;
  signInUrl: (returnTo?: string) => string;
  signOut: () => Promise<void>;
  recheck: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

export const SIGNED_IN_AGAIN_EVENT = 'aw:signed-in-again';

export function currentPath(): string {
  return `${window.location.pathname}${window.location.search}`;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.session(), queryFn: bff.session, staleTime: 60_000, retry: 1 });
  const [expired, setExpired] = useState(false);
  const authenticated = query.data?.authenticated ?? false;

  useEffect(
    () =>
      onUnauthorized(() => {
        if (authenticated) {
          setExpired(true);
        }
      }),
    [authenticated],
  );

  const recheck = useCallback(async () => {
    const session = await client.fetchQuery({ queryKey: queryKeys.session(), queryFn: bff.session, staleTime: 0 });
    if (session.authenticated) {
      setExpired((was) => {
        if (was) {
          window.dispatchEvent(new Event(SIGNED_IN_AGAIN_EVENT));
        }
        return false;
      });
    }
  }, [client]);

  // After signing in again in another tab, coming back here picks the new session up.
  useEffect(() => {
    if (!expired) {
      return undefined;
    }
    const onFocus = () => {
      recheck().catch(() => undefined);
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('storage', onFocus);
    const interval = window.setInterval(onFocus, 15_000);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('storage', onFocus);
      window.clearInterval(interval);
    };
  }, [expired, recheck]);

  const value = useMemo<SessionContextValue>(
    () => ({
      session: query.data,
      loading: query.isPending,
      error: query.isError ? errorMessage(query.error) : undefined,
      expired,
      signInUrl: (returnTo?: string) => bff.loginUrl(returnTo ?? currentPath()),
      signOut: async () => {
        const target = await bff.logout();
        client.clear();
        window.location.assign(target);
      },
      recheck,
    }),
    [query.data, query.isPending, query.isError, query.error, expired, client, recheck],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession outside SessionProvider');
  }
  return value;
}
