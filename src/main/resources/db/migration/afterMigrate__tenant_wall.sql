-- The second wall between tenants (issue 15 §5), (re)applied after every migration run so that a table added later
-- with a circuit_id column gets it too. Requests of a circuit's operators, API keys and customers run as
-- loyaltyhub_tenant with loyaltyhub.circuit set (tenancy.internal.CircuitScopedDataSource's tenant pool): its policy
-- shows and accepts only that circuit's rows (and the platform's shared rows, circuit_id null). Platform work (jobs,
-- sign-in, webhooks before a shop is known) runs as loyaltyhub_platform (every row, no DDL); only Flyway uses the
-- login role, which owns the tables and so is not subject to them (no FORCE). The names are shared.TenantWall's. Where the login role may not create roles, the wall is skipped with a warning.
do $wall$
declare
    t record;
begin
    begin
        if not exists (select 1 from pg_roles where rolname = 'loyaltyhub_tenant') then
            create role loyaltyhub_tenant nologin nobypassrls;
        end if;
        if not exists (select 1 from pg_roles where rolname = 'loyaltyhub_platform') then
            create role loyaltyhub_platform nologin nobypassrls;
        end if;
        if not pg_has_role(current_user, 'loyaltyhub_tenant', 'MEMBER') then
            execute format('grant loyaltyhub_tenant to %I', current_user);
        end if;
        if not pg_has_role(current_user, 'loyaltyhub_platform', 'MEMBER') then
            execute format('grant loyaltyhub_platform to %I', current_user);
        end if;
    exception when insufficient_privilege then
        raise warning 'LoyaltyHub: no row-level security between circuits: % may not create roles', current_user;
        return;
    end;

    -- every statement below runs only when its effect is missing: a node that starts beside running ones (same
    -- database, nothing to migrate) takes no table lock here, so it cannot deadlock with their transactions
    if not (has_schema_privilege('loyaltyhub_tenant', current_schema(), 'USAGE')
            and has_schema_privilege('loyaltyhub_platform', current_schema(), 'USAGE')) then
        execute 'grant usage on schema ' || quote_ident(current_schema()) || ' to loyaltyhub_tenant, loyaltyhub_platform';
    end if;
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
              cross join (values ('loyaltyhub_tenant'), ('loyaltyhub_platform')) r(role)
              cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p(priv)
              where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'f')
                and not has_table_privilege(r.role, c.oid, p.priv)
              group by c.relname loop
        execute format('grant select, insert, update, delete, truncate, references, trigger on %I '
            || 'to loyaltyhub_tenant, loyaltyhub_platform', t.relname);
    end loop;
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
              cross join (values ('loyaltyhub_tenant'), ('loyaltyhub_platform')) r(role)
              cross join unnest(array['USAGE', 'SELECT', 'UPDATE']) p(priv)
              where n.nspname = current_schema() and c.relkind = 'S'
                and not has_sequence_privilege(r.role, c.oid, p.priv)
              group by c.relname loop
        execute format('grant usage, select, update on sequence %I to loyaltyhub_tenant, loyaltyhub_platform',
            t.relname);
    end loop;

    -- views read their tables with the reader's rights, so the policies apply through them
    for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = current_schema() and c.relkind = 'v'
                and not coalesce('security_invoker=true' = any(c.reloptions), false) loop
        execute format('alter view %I set (security_invoker = true)', t.relname);
    end loop;

    for t in select c.oid, c.relname from pg_class c
               join pg_namespace n on n.oid = c.relnamespace
               join pg_attribute a on a.attrelid = c.oid and a.attname = 'circuit_id' and not a.attisdropped
              where n.nspname = current_schema() and c.relkind in ('r', 'p') loop
        if not exists (select 1 from pg_class where oid = t.oid and relrowsecurity) then
            execute format('alter table %I enable row level security', t.relname);
        end if;
        -- the circuit is read once per statement (an initplan), not once per row, and compared as a plain bigint
        if not exists (select 1 from pg_policies where schemaname = current_schema() and tablename = t.relname
                                                   and policyname = 'circuit_wall') then
            execute format('create policy circuit_wall on %I as permissive for all to loyaltyhub_tenant '
                || 'using (circuit_id is null or circuit_id = (select nullif(current_setting(%L, true), %L)::bigint)) '
                || 'with check (circuit_id is null or circuit_id = (select nullif(current_setting(%L, true), %L)::bigint))',
                t.relname, 'loyaltyhub.circuit', '', 'loyaltyhub.circuit', '');
        elsif not exists (select 1 from pg_policies where schemaname = current_schema() and tablename = t.relname
                                                      and policyname = 'circuit_wall' and qual like '%SELECT%') then
            execute format('alter policy circuit_wall on %I '
                || 'using (circuit_id is null or circuit_id = (select nullif(current_setting(%L, true), %L)::bigint)) '
                || 'with check (circuit_id is null or circuit_id = (select nullif(current_setting(%L, true), %L)::bigint))',
                t.relname, 'loyaltyhub.circuit', '', 'loyaltyhub.circuit', '');
        end if;
        if not exists (select 1 from pg_policies where schemaname = current_schema() and tablename = t.relname
                                                   and policyname = 'platform_wide') then
            execute format('create policy platform_wide on %I as permissive for all to loyaltyhub_platform '
                || 'using (true) with check (true)', t.relname);
        end if;
    end loop;
end
$wall$;
