#!/bin/sh
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d).
# Every service owns one database through its own role, so no service can read another's data.
set -eu

create_service_database() {
    name=$1
    password=$2
    # psql substitutes :"name" (identifier) and :'password' (literal) with proper quoting.
    psql --set=ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
         --set=name="$name" --set=password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
SQL
}

create_service_database agenda "$AGENDA_DB_PASSWORD"
create_service_database registration "$REGISTRATION_DB_PASSWORD"
create_service_database interpretation "$INTERPRETATION_DB_PASSWORD"
create_service_database notification "$NOTIFICATION_DB_PASSWORD"
