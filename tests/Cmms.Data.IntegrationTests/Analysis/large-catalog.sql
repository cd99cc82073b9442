-- The catalog of the analyze speed benchmark (docs/benchmarks/analyze-speed.md): schema bench with 200 tables and
-- 1,000 indexes (5 per table), 50 rows each, analyzed. Planted findings, which LargeCatalogTests asserts exactly:
--   every 25th table: its foreign key column comes second in its only index   -> 8 fk_without_index
--   every 40th table: a plain index duplicating its unique code index        -> 5 duplicate_index
--   every other 20th table: an index on status, a prefix of (status, ...)    -> 5 redundant_index
--   every 50th table: a CHECK constraint added NOT VALID                     -> 4 not_valid_constraint
--   table t_007: its identity sequence at 97.6% of bigint                    -> 1 sequence_near_max
-- Run: psql -v ON_ERROR_STOP=1 -d <scratch database> -f large-catalog.sql
CREATE SCHEMA bench;

DO $generate$
DECLARE
    t text;
    parent text;
BEGIN
    FOR i IN 1..200 LOOP
        t := format('t_%s', lpad(i::text, 3, '0'));
        parent := format('t_%s', lpad((i - 1)::text, 3, '0'));
        EXECUTE format(
            'CREATE TABLE bench.%I (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, parent_id bigint %s, code text NOT NULL, '
            || 'status int NOT NULL, created_at timestamptz NOT NULL DEFAULT now(), payload jsonb)',
            t, CASE WHEN i > 1 THEN format('REFERENCES bench.%I', parent) ELSE '' END);
        EXECUTE format('CREATE UNIQUE INDEX %I ON bench.%I (code)', t || '_code_key', t);
        IF i % 25 = 0 THEN
            EXECUTE format('CREATE INDEX %I ON bench.%I (created_at, parent_id)', 'ix_' || t || '_created_parent', t);
        ELSE
            EXECUTE format('CREATE INDEX %I ON bench.%I (parent_id, created_at DESC)', 'ix_' || t || '_parent_created', t);
        END IF;
        EXECUTE format('CREATE INDEX %I ON bench.%I (status, created_at)', 'ix_' || t || '_status_created', t);
        IF i % 40 = 0 THEN
            EXECUTE format('CREATE INDEX %I ON bench.%I (code)', 'ix_' || t || '_code', t);
        ELSIF i % 20 = 0 THEN
            EXECUTE format('CREATE INDEX %I ON bench.%I (status)', 'ix_' || t || '_status', t);
        ELSE
            EXECUTE format('CREATE INDEX %I ON bench.%I USING gin (payload jsonb_path_ops)', 'ix_' || t || '_payload', t);
        END IF;
        IF i % 50 = 0 THEN
            EXECUTE format('ALTER TABLE bench.%I ADD CONSTRAINT %I CHECK (status >= 0) NOT VALID', t, t || '_status_check');
        END IF;
        EXECUTE format(
            'INSERT INTO bench.%I (parent_id, code, status, payload) '
            || 'SELECT CASE WHEN %s > 1 THEN g END, %L || g, g %% 5, jsonb_build_object(''n'', g) FROM generate_series(1, 50) g',
            t, i, t || '-');
    END LOOP;
    PERFORM setval('bench.t_007_id_seq', 9000000000000000000);
END
$generate$;

ANALYZE;
