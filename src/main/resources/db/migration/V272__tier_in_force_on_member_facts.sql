-- The member's tier columns on the facts row segments read (issue 12 §1, the 2 s target over 1,000,000 members): a
-- TIER condition no longer joins member_tier (a hash of a million rows, about 0.5 s of the segment's 2.2 s). member_tier
-- stays the source (TierStore writes it); the database copies its three columns here in the same statement, whoever
-- writes, so the copy cannot drift. tier_row tells a member with no member_tier row (the circuit's zero-threshold
-- tier is theirs) from one whose row has no tier.
alter table member_facts
    add column tier_row       boolean not null default false,
    add column tier_id        bigint,
    add column manual_tier_id bigint,
    add column manual_until   date;

update member_facts f
   set tier_row = true, tier_id = t.tier_id, manual_tier_id = t.manual_tier_id, manual_until = t.manual_until
  from member_tier t
 where t.member_id = f.member_id;

create function member_facts_tier_copy() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        update member_facts set tier_row = false, tier_id = null, manual_tier_id = null, manual_until = null
         where member_id = old.member_id;
        return old;
    end if;
    if tg_op = 'UPDATE' and new.tier_id is not distinct from old.tier_id
            and new.manual_tier_id is not distinct from old.manual_tier_id
            and new.manual_until is not distinct from old.manual_until then
        return new;
    end if;
    update member_facts set tier_row = true, tier_id = new.tier_id, manual_tier_id = new.manual_tier_id,
                            manual_until = new.manual_until
     where member_id = new.member_id;
    return new;
end $$;

create trigger member_facts_tier_copy after insert or update or delete on member_tier
    for each row execute function member_facts_tier_copy();

-- a facts row written after the member's tier row (an import, a repair) takes the tier columns from it
create function member_facts_tier_fill() returns trigger language plpgsql as $$
begin
    select true, t.tier_id, t.manual_tier_id, t.manual_until
      into new.tier_row, new.tier_id, new.manual_tier_id, new.manual_until
      from member_tier t where t.member_id = new.member_id;
    new.tier_row := coalesce(new.tier_row, false);
    return new;
end $$;

create trigger member_facts_tier_fill before insert on member_facts
    for each row execute function member_facts_tier_fill();

-- segments read the new columns through their view, added at its end
create or replace view segment_member_facts as
select member_id, circuit_id, enrolled_at, last_purchase_at, activity_to, purchases_back, spent_back, points_back,
       consents_given, tier_row, tier_id, manual_tier_id, manual_until
  from member_facts;
