import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { account, bff } from '../api/endpoints';
import { errorMessage } from '../api/problem';
import { queryKeys } from '../api/queryKeys';

/**
 * Becoming an author. The account's roles come fresh from the user-service; the new role
 * reaches the browser's session by signing in again, which the identity service answers at
 * once because it still knows this browser.
 */
export function WritingSection({
  renewSignIn = () => window.location.assign(bff.renewSignInUrl),
}: {
  renewSignIn?: () => void;
}) {
  const client = useQueryClient();
  const me = useQuery({ queryKey: queryKeys.me(), queryFn: account.me });
  const become = useMutation({
    mutationFn: account.becomeAuthor,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.me() });
      renewSignIn();
    },
  });
  const state = become.isPending ? 'busy' : become.isSuccess ? 'renewing' : 'idle';
  const error = become.error ? errorMessage(become.error) : undefined;
  const roles = me.data?.data.roles;

  return (
    <section id="writing" className="card" aria-labelledby="writing-heading">
      <h2 id="writing-heading">Writing</h2>
      {roles === undefined ? null : state === 'renewing' ? (
        <p role="status">You are an author now. Getting your writing tools ready…</p>
      ) : roles.includes('author') ? (
        <p>Your account is an author account: you can start books and series and use the AI writing tools.</p>
      ) : (
        <>
          <p>
            Your account is a reader account: you can read, keep a library and work on books others share with you.
            Become an author to start books and series of your own and use the AI writing tools.
          </p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="button primary" onClick={() => become.mutate()} disabled={state === 'busy'}>
            {state === 'busy' ? 'Becoming an author…' : 'Become an author'}
          </button>
        </>
      )}
    </section>
  );
}
