import { useEffect, useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { account } from '../api/endpoints';
import { ApiError, errorMessage } from '../api/problem';
import type { ProfilePatch } from '../api/types';
import { ErrorNotice, FieldError, Loading } from '../components/States';
import { queryKeys } from '../api/queryKeys';

/** The text fields this form edits; the rest of a profile patch (avatar, social links) is not edited here. */
type TextFields = Required<Pick<ProfilePatch, 'displayName' | 'bio' | 'website' | 'location'>>;

const FIELDS: { key: keyof TextFields; label: string; multiline?: boolean; type?: string; hint?: string }[] = [
  { key: 'displayName', label: 'Display name', hint: 'How your name appears to readers and co-authors.' },
  { key: 'bio', label: 'Bio', multiline: true },
  { key: 'website', label: 'Website', type: 'url', hint: 'Starting with https://' },
  { key: 'location', label: 'Location' },
];

export function ProfileSection() {
  const client = useQueryClient();
  const me = useQuery({ queryKey: queryKeys.me(), queryFn: account.me });
  const [form, setForm] = useState<TextFields>({ displayName: '', bio: '', website: '', location: '' });
  const save = useMutation({
    mutationFn: ({ patch, etag }: { patch: ProfilePatch; etag: string }) => account.updateProfile(patch, etag),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.me(), saved);
      await client.invalidateQueries({ queryKey: queryKeys.session() });
    },
    onError: async (caught) => {
      if (caught instanceof ApiError && caught.status === 412) {
        await me.refetch();
      }
    },
  });
  const busy = save.isPending;
  const message = save.isSuccess ? 'Profile saved.' : undefined;
  const error = !save.error
    ? undefined
    : save.error instanceof ApiError && save.error.status === 412
      ? 'Your profile was changed elsewhere (another tab or device). The latest version is loaded below; make your change again.'
      : errorMessage(save.error);
  const fieldErrors: Record<string, string> = save.error instanceof ApiError ? save.error.fieldErrors : {};

  useEffect(() => {
    if (me.data) {
      const data = me.data.data;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the editable copy follows the profile each time it loads
      setForm({
        displayName: data.displayName ?? '',
        bio: data.profile.bio ?? '',
        website: data.profile.website ?? '',
        location: data.profile.location ?? '',
      });
    }
  }, [me.data]);

  if (me.isPending) {
    return <Loading label="Loading your profile…" />;
  }
  if (me.isError) {
    return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} title="Your profile could not be loaded" />;
  }
  const data = me.data.data;
  const etag = me.data.etag ?? `"${data.profile.version}"`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ patch: form, etag });
  };

  return (
    <section id="profile" className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      <p className="muted small">
        Signed in as <strong>@{data.username}</strong> ({data.email}
        {data.emailVerified ? '' : ', not yet confirmed'}).
      </p>
      <form onSubmit={submit} noValidate>
        {FIELDS.map((field) => {
          const id = `profile-${field.key}`;
          const err = fieldErrors[field.key];
          const describedBy =
            [field.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
          const common = {
            id,
            value: form[field.key],
            'aria-invalid': err ? true : undefined,
            'aria-describedby': describedBy,
          };
          return (
            <div className="field" key={field.key}>
              <label htmlFor={id}>{field.label}</label>
              {field.multiline ? (
                <textarea {...common} rows={3} onChange={(e) => setForm({ ...form, [field.key]: e.target.value })} />
              ) : (
                <input
                  {...common}
                  type={field.type ?? 'text'}
                  onChange={(e) => setForm({ ...form, [field.key]: e.target.value })}
                />
              )}
              {field.hint && (
                <p id={`${id}-hint`} className="hint">
                  {field.hint}
                </p>
              )}
              <FieldError id={`${id}-error`} message={err} />
            </div>
          );
        })}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save profile'}
          </button>
          <span role="status" className="muted small">
            {message}
          </span>
        </div>
      </form>
    </section>
  );
}
