#!/bin/sh
# Creates, idempotently, the PostgreSQL role and database the tests use (TEST_DATABASE_URL default:
# postgres://passerelle:passerelle@127.0.0.1:5432/passerelle_test). Run it once per server, as a
# superuser:  PGHOST=127.0.0.1 PGUSER=postgres sh packages/db/scripts/setup-test-postgres.sh
# CREATEDB: the tests create a database per test block (from a migrated template) and drop it after.
set -eu
psql -v ON_ERROR_STOP=1 -d postgres <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'passerelle') THEN
    CREATE ROLE passerelle LOGIN CREATEDB PASSWORD 'passerelle';
  ELSE
    ALTER ROLE passerelle LOGIN CREATEDB PASSWORD 'passerelle';
  END IF;
END $$;
SELECT 'CREATE DATABASE passerelle_test OWNER passerelle'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'passerelle_test')\gexec
SQL
