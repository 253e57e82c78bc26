-- Spring Authorization Server's tables, with text instead of blob for PostgreSQL.
create table oauth2_registered_client (
    id                            varchar(100)                            not null primary key,
    client_id                     varchar(100)                            not null,
    client_id_issued_at           timestamp     default current_timestamp not null,
    client_secret                 varchar(200),
    client_secret_expires_at      timestamp,
    client_name                   varchar(200)                            not null,
    client_authentication_methods varchar(1000)                           not null,
    authorization_grant_types     varchar(1000)                           not null,
    redirect_uris                 varchar(1000),
    post_logout_redirect_uris     varchar(1000),
    scopes                        varchar(1000)                           not null,
    client_settings               varchar(2000)                           not null,
    token_settings                varchar(2000)                           not null
);

create unique index oauth2_registered_client_client_id on oauth2_registered_client (client_id);

create table oauth2_authorization (
    id                            varchar(100) not null primary key,
    registered_client_id          varchar(100) not null,
    principal_name                varchar(200) not null,
    authorization_grant_type      varchar(100) not null,
    authorized_scopes             varchar(1000),
    attributes                    text,
    state                         varchar(500),
    authorization_code_value      text,
    authorization_code_issued_at  timestamp,
    authorization_code_expires_at timestamp,
    authorization_code_metadata   text,
    access_token_value            text,
    access_token_issued_at        timestamp,
    access_token_expires_at       timestamp,
    access_token_metadata         text,
    access_token_type             varchar(100),
    access_token_scopes           varchar(1000),
    oidc_id_token_value           text,
    oidc_id_token_issued_at       timestamp,
    oidc_id_token_expires_at      timestamp,
    oidc_id_token_metadata        text,
    refresh_token_value           text,
    refresh_token_issued_at       timestamp,
    refresh_token_expires_at      timestamp,
    refresh_token_metadata        text,
    user_code_value               text,
    user_code_issued_at           timestamp,
    user_code_expires_at          timestamp,
    user_code_metadata            text,
    device_code_value             text,
    device_code_issued_at         timestamp,
    device_code_expires_at        timestamp,
    device_code_metadata          text
);

create index oauth2_authorization_principal on oauth2_authorization (principal_name);
create index oauth2_authorization_code on oauth2_authorization (authorization_code_value);
create index oauth2_authorization_refresh on oauth2_authorization (refresh_token_value);
create index oauth2_authorization_state on oauth2_authorization (state);

create table oauth2_authorization_consent (
    registered_client_id varchar(100)  not null,
    principal_name       varchar(200)  not null,
    authorities          varchar(1000) not null,
    primary key (registered_client_id, principal_name)
);

-- Refresh tokens already rotated away, so a replay can be recognised and its family revoked.
create table refresh_token_history (
    token_hash        text primary key,
    authorization_id  varchar(100) not null,
    principal_name    varchar(200) not null,
    rotated_at        timestamptz  not null default now()
);

-- Token-signing keys, kept so tokens issued before a restart still validate after it.
create table signing_keys (
    kid          text primary key,
    algorithm    text        not null,
    private_key  text        not null,
    salt         text        not null,
    public_jwk   text        not null,
    created_at   timestamptz not null default now(),
    retired_at   timestamptz
);
