-- bench_price_changes: see definitions.yml. Parameters: :as_of (ISO-8601 UTC), :recent_days.
with ch as (
  select c.*,
         dec_sub(c.after, c.before) as delta_value,
         coalesce(cast(nullif(c.change_pct, '') as real), dec_pct(c.after, c.before)) as pct
  from changes c
  where c.kind in ('price_change', 'plan_added', 'plan_removed', 'contact_sales_change')
)
select
  ch.id as change,
  ch.competitor,
  coalesce(co.name, ch.competitor) as competitor_name,
  coalesce(co.is_self, 0) as is_self,
  ch.kind,
  ch.subject as plan,
  ch.field,
  ch.before,
  ch.after,
  ch.delta_value as delta,
  round(ch.pct, 2) as change_pct,
  case when ch.delta_value is null then null
       when ch.delta_value like '-%' then 'down'
       when cast(ch.delta_value as real) = 0 then null
       else 'up' end as direction,
  ch.detected_at,
  cast(julianday(:as_of) - julianday(ch.detected_at) as integer) as days_ago,
  case when julianday(:as_of) - julianday(ch.detected_at) <= :recent_days then 1 else 0 end as is_recent,
  ch.run,
  ch.page
from ch
left join competitors co on co.id = ch.competitor
order by ch.detected_at desc, ch.id
