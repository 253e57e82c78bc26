-- The TOTP secret is encrypted at rest like the signing keys, each with its own salt. The
-- last accepted time step stops a code from being used twice.
alter table users add column totp_secret_salt text;
alter table users add column totp_last_step bigint;
