-- A promotion's dry run replays the circuit's events of one type over the last days (issue 12 §5).
create index campaign_event_type_time on campaign_event (circuit_id, type, occurred_at, id);
