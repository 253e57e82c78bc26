import { useEffect } from 'react';
import { SIGNED_IN_AGAIN_EVENT } from '../session/session';

/** Runs `callback` when the session comes back after it had ended (e.g. to retry a save). */
export function useSignedInAgain(callback: () => void): void {
  useEffect(() => {
    window.addEventListener(SIGNED_IN_AGAIN_EVENT, callback);
    return () => window.removeEventListener(SIGNED_IN_AGAIN_EVENT, callback);
  }, [callback]);
}
