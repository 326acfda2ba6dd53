-- bench_price_ladder: see definitions.yml. Parameters: none.
-- dec_median / dec_index are exact-decimal SQL functions registered by benchmarks.functions.
with latest_run as (
  select competitor, run from (
    select competitor, run,
           row_number() over (partition by competitor order by observed_at desc, run desc) as rn
    from price_observations
  ) where rn = 1
),
obs as (
  select po.*,
         row_number() over (
           partition by po.competitor, lower(po.plan)
           order by case when po.monthly_amount is null then 1 else 0 end,
                    case when po.period = 'month' then 0 when po.billing = 'monthly' then 1 else 2 end,
                    po.observed_at desc, po.id
         ) as pick
  from price_observations po
  join latest_run lr on lr.competitor = po.competitor and lr.run = po.run
),
plans as (
  select *,
         case when monthly_amount is not null and is_contact_sales = 0
                   and cast(monthly_amount as real) > 0 then 1 else 0 end as is_paid
  from obs where pick = 1
),
ranked as (
  select p.*,
         row_number() over (
           partition by competitor
           order by case when is_free = 1 or (monthly_amount is not null and cast(monthly_amount as real) = 0) then 0
                         when is_contact_sales = 1 or monthly_amount is null then 2 else 1 end,
                    cast(monthly_amount as real), plan
         ) as tier_rank,
         count(*) over (partition by competitor) as tiers,
         case when is_paid = 1 then
           row_number() over (partition by competitor, is_paid order by cast(monthly_amount as real), plan)
         end as paid_tier
  from plans p
),
with_self as (
  select r.*, coalesce(c.is_self, 0) as self_flag, coalesce(c.name, r.competitor) as cname
  from ranked r left join competitors c on c.id = r.competitor
),
market as (
  -- the same paid tier of every competitor except our own company
  select paid_tier, dec_median(monthly_amount) as market_median, count(*) as market_plans
  from with_self
  where paid_tier is not null and self_flag = 0
  group by paid_tier
)
select
  w.competitor,
  w.cname as competitor_name,
  w.self_flag as is_self,
  w.plan,
  w.tier_rank,
  w.tiers,
  w.paid_tier,
  w.amount,
  w.currency,
  w.period,
  w.unit,
  w.billing,
  w.monthly_amount,
  w.base_currency,
  w.is_free,
  w.is_contact_sales,
  m.market_median,
  coalesce(m.market_plans, 0) as market_plans,
  dec_index(w.monthly_amount, m.market_median) as price_index,
  case when dec_index(w.monthly_amount, m.market_median) is null then null
       when dec_index(w.monthly_amount, m.market_median) < 95 then 'cheaper'
       when dec_index(w.monthly_amount, m.market_median) > 105 then 'pricier'
       else 'at market' end as position,
  w.observed_at,
  w.run,
  w.page
from with_self w
left join market m on m.paid_tier = w.paid_tier
order by w.self_flag desc, w.competitor, w.tier_rank
