-- bench_price_history: see definitions.yml. Parameters: none.
with obs as (
  select po.*, substr(po.observed_at, 1, 10) as day,
         row_number() over (
           partition by po.competitor, lower(po.plan), substr(po.observed_at, 1, 10)
           order by case when po.monthly_amount is null then 1 else 0 end,
                    case when po.period = 'month' then 0 when po.billing = 'monthly' then 1 else 2 end,
                    po.observed_at desc, po.id
         ) as pick
  from price_observations po
),
daily as (
  select o.*,
         lag(o.day) over w as previous_day,
         lag(o.monthly_amount) over w as previous_monthly_amount
  from obs o
  where o.pick = 1
  window w as (partition by o.competitor, lower(o.plan) order by o.day)
)
select
  d.competitor,
  coalesce(c.name, d.competitor) as competitor_name,
  coalesce(c.is_self, 0) as is_self,
  d.plan,
  d.day,
  d.monthly_amount,
  d.base_currency,
  d.amount,
  d.currency,
  d.period,
  d.is_contact_sales,
  d.previous_day,
  d.previous_monthly_amount,
  dec_sub(d.monthly_amount, d.previous_monthly_amount) as change_from_previous,
  d.run,
  d.page
from daily d
left join competitors c on c.id = d.competitor
order by d.competitor, d.plan, d.day
