"""The server's schema `luoshi`: numbered migrations, roles and row-level security.

SQL features relied on (for KingbaseES/openGauss compatibility): schemas, roles with group membership,
`ENABLE ROW LEVEL SECURITY` with per-command policies, column-level INSERT grants, `uuid`, `jsonb`,
`bytea`, `timestamptz`, `bigserial`, `INSERT … ON CONFLICT DO NOTHING`. No extensions, no functions.
"""

from __future__ import annotations

OFFICE_GROUP = "luoshi_office"  # the coordinating office's logins: read everything
UNIT_GROUP = "luoshi_unit"  # every unit's login: its own rows only, insert-only

# The unit of the login running the query; `units` lets a unit see its own row only.
_MY_UNIT = "(SELECT u.unit FROM luoshi.units u WHERE u.role = current_user AND u.removed_at IS NULL)"

_V1 = f"""
CREATE SCHEMA luoshi;
CREATE TABLE luoshi.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE luoshi.units (
    unit text PRIMARY KEY,
    role name NOT NULL UNIQUE,
    added_at timestamptz NOT NULL DEFAULT now(),
    removed_at timestamptz
);
CREATE TABLE luoshi.plans (
    id bigserial PRIMARY KEY,
    plan_key text NOT NULL,
    title text NOT NULL,
    version_no integer NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    tasklist bytea NOT NULL,
    tasklist_hash text NOT NULL,
    UNIQUE (plan_key, version_no)
);
CREATE TABLE luoshi.assignments (
    plan_id bigint NOT NULL REFERENCES luoshi.plans(id),
    unit text NOT NULL REFERENCES luoshi.units(unit),
    measures integer NOT NULL,
    PRIMARY KEY (plan_id, unit)
);
CREATE TABLE luoshi.returns (
    id uuid PRIMARY KEY,
    unit text NOT NULL REFERENCES luoshi.units(unit),
    plan_key text NOT NULL,
    plan_title text NOT NULL,
    period text NOT NULL,
    content jsonb NOT NULL,
    content_hash text NOT NULL,
    row_count integer NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now(),
    sent_by name NOT NULL DEFAULT current_user,
    seq bigserial UNIQUE
);
CREATE INDEX returns_by_period ON luoshi.returns (period, unit, seq);

GRANT USAGE ON SCHEMA luoshi TO {OFFICE_GROUP}, {UNIT_GROUP};
GRANT SELECT ON luoshi.meta TO {OFFICE_GROUP}, {UNIT_GROUP};
GRANT SELECT ON luoshi.units, luoshi.plans, luoshi.assignments, luoshi.returns TO {UNIT_GROUP};
GRANT INSERT (id, unit, plan_key, plan_title, period, content, content_hash, row_count)
    ON luoshi.returns TO {UNIT_GROUP};
GRANT USAGE ON SEQUENCE luoshi.returns_seq_seq TO {UNIT_GROUP};
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA luoshi TO {OFFICE_GROUP};
GRANT USAGE ON ALL SEQUENCES IN SCHEMA luoshi TO {OFFICE_GROUP};

ALTER TABLE luoshi.units ENABLE ROW LEVEL SECURITY;
ALTER TABLE luoshi.plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE luoshi.assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE luoshi.returns ENABLE ROW LEVEL SECURITY;
CREATE POLICY office_units ON luoshi.units TO {OFFICE_GROUP} USING (true) WITH CHECK (true);
CREATE POLICY office_plans ON luoshi.plans TO {OFFICE_GROUP} USING (true) WITH CHECK (true);
CREATE POLICY office_assignments ON luoshi.assignments TO {OFFICE_GROUP} USING (true) WITH CHECK (true);
CREATE POLICY office_returns ON luoshi.returns FOR SELECT TO {OFFICE_GROUP} USING (true);
CREATE POLICY unit_own_row ON luoshi.units FOR SELECT TO {UNIT_GROUP}
    USING (role = current_user AND removed_at IS NULL);
CREATE POLICY unit_assignments ON luoshi.assignments FOR SELECT TO {UNIT_GROUP} USING (unit = {_MY_UNIT});
CREATE POLICY unit_plans ON luoshi.plans FOR SELECT TO {UNIT_GROUP}
    USING (EXISTS (SELECT 1 FROM luoshi.assignments a WHERE a.plan_id = luoshi.plans.id AND a.unit = {_MY_UNIT}));
CREATE POLICY unit_reads_own_returns ON luoshi.returns FOR SELECT TO {UNIT_GROUP} USING (unit = {_MY_UNIT});
CREATE POLICY unit_sends_own_returns ON luoshi.returns FOR INSERT TO {UNIT_GROUP}
    WITH CHECK (unit = {_MY_UNIT} AND sent_by = current_user);
"""

# One script per step; the server's `luoshi.meta.schema_version` says how many have run.
MIGRATIONS: tuple[str, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)
