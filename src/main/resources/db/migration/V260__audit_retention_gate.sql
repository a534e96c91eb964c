-- owner: privacy. Every platform task now runs as loyaltyhub_platform (tenancy.internal.CircuitScopedDataSource's
-- platform pool), so the role alone no longer says "retention": a delete is accepted only from the platform role in a
-- transaction that declared itself the audit retention (privacy.audit.AuditLog.removeOlderThan sets
-- loyaltyhub.audit_retention for its transaction only).
create or replace function audit_record_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_user = 'loyaltyhub_platform'
       and current_setting('loyaltyhub.audit_retention', true) = 'on' then
        return old;
    end if;
    raise exception 'audit records are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;
