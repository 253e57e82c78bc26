#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory: one login role and
# one schema per service, each role owning only its schema (architecture: one database, one
# schema and one role per service). Passwords come from <SCHEMA>_DB_PASSWORD variables.
# A deployable that works in another's schema (the registry's `uses`) gets a login role that
# owns nothing; the schema owner's migrations grant it what it may do. Its password comes
# from <ROLE>_DB_PASSWORD.
# The schemas are those of the launcher's registry of deployables (deploy/check.sh compares them).
set -euo pipefail

# Only the service roles may connect, and nobody creates objects in the public schema.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
REVOKE ALL ON DATABASE :"DBNAME" FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL

for schema in users content; do
	var="${schema^^}_DB_PASSWORD"
	password="${!var:?$var must be set}"
	# psql variables (:"ident", :'literal') quote the values, so no password can break the SQL.
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
		-v role="$schema" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE SCHEMA :"role" AUTHORIZATION :"role";
GRANT CONNECT, TEMPORARY ON DATABASE :"DBNAME" TO :"role";
-- Unqualified names resolve to the service's own schema only.
ALTER ROLE :"role" SET search_path = :"role";
SQL
	echo "init-schemas: role and schema '$schema' ready"
done

# role:schema pairs; one today, a list like the schemas above.
# shellcheck disable=SC2043
for user in content_worker:content; do
	role="${user%%:*}"
	schema="${user#*:}"
	var="${role^^}_DB_PASSWORD"
	password="${!var:?$var must be set}"
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
		-v role="$role" -v schema="$schema" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
GRANT CONNECT ON DATABASE :"DBNAME" TO :"role";
ALTER ROLE :"role" SET search_path = :"schema";
SQL
	echo "init-schemas: role '$role' (in schema '$schema') ready"
done
