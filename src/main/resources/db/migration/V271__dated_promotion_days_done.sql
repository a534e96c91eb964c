-- The last day (in the circuit's time zone) the campaigns job finished for each date or schedule promotion (issue 12):
-- after a stop it walks the days since, at most CampaignJobs.CATCH_UP_DAYS back, so birthdays, anniversaries and
-- periodic gifts of the days the machine was down are still given (once: promotion_occurrence keeps the key).
create table promotion_days_done (
    promotion_id bigint primary key references promotion (id),
    circuit_id   bigint not null,
    done_through date   not null
);
