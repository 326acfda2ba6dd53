-- bench_messaging_timeline: see definitions.yml. Parameters: none.
select
  ch.id as change,
  ch.competitor,
  coalesce(c.name, ch.competitor) as competitor_name,
  coalesce(c.is_self, 0) as is_self,
  substr(ch.detected_at, 1, 10) as day,
  ch.detected_at,
  ch.subject as url,
  ch.field,
  ch.before,
  ch.after,
  ch.before_snapshot,
  ch.after_snapshot,
  ch.run
from changes ch
left join competitors c on c.id = ch.competitor
where ch.kind = 'messaging_change'
order by ch.detected_at desc, ch.id
