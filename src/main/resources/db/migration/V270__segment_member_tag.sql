-- owner: programs. The tags promotions and funnels gave members (member_tag, V170), for the TAG condition of segments
-- (issue 12): "has any of these tags" / "has none of them", one index probe per member and tag.
create view segment_member_tag as
select member_id, circuit_id, tag from member_tag;
