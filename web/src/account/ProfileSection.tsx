import { useEffect, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { account } from '../api/endpoints';
import { ApiError, errorMessage } from '../api/problem';
import type { ProfilePatch } from '../api/types';
import { ErrorNotice, FieldError, Loading } from '../components/States';
import { queryKeys } from '../api/queryKeys';

const FIELDS: { key: keyof ProfilePatch; label: string; multiline?: boolean; type?: string; hint?: string }[] = [
  { key: 'displayName', label: 'Display name', hint: 'How your name appears to readers and co-authors.' },
  { key: 'bio', label: 'Bio', multiline: true },
  { key: 'website', label: 'Website', type: 'url', hint: 'Starting with https://' },
  { key: 'location', label: 'Location' },
];

export function ProfileSection() {
  const client = useQueryClient();
  const me = useQuery({ queryKey: queryKeys.me(), queryFn: account.me });
  const [form, setForm] = useState<Required<ProfilePatch>>({ displayName: '', bio: '', website: '', location: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (me.data) {
      const data = me.data.data;
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setMessage(undefined);
    setFieldErrors({});
    try {
      const saved = await account.updateProfile(form, etag);
      client.setQueryData(queryKeys.me(), saved);
      await client.invalidateQueries({ queryKey: queryKeys.session() });
      setMessage('Profile saved.');
    } catch (caught) {
      if (caught instanceof ApiError) {
        setFieldErrors(caught.fieldErrors);
        if (caught.status === 412) {
          setError('Your profile was changed elsewhere (another tab or device). The latest version is loaded below; make your change again.');
          await me.refetch();
          setBusy(false);
          return;
        }
      }
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
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
          const describedBy = [field.hint ? `${id}-hint` : '', err ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
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
                <input {...common} type={field.type ?? 'text'} onChange={(e) => setForm({ ...form, [field.key]: e.target.value })} />
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
