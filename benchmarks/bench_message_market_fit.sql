-- bench_message_market_fit: see definitions.yml. Parameters: :window_days.
with current_snapshots as (
  select id, competitor from (
    select id, competitor,
           row_number() over (partition by competitor, url order by last_seen_at desc, rowid desc) as rn
    from messaging_snapshots
  ) where rn = 1
),
claims as (
  select mt.competitor, mt.theme, sum(mt.mentions) as mentions
  from messaging_themes mt join current_snapshots cs on cs.id = mt.snapshot
  group by mt.competitor, mt.theme
),
claim_totals as (select competitor, sum(mentions) as total from claims group by competitor),
bounds as (
  select date(max(published_at)) as window_end,
         date(max(published_at), '-' || (:window_days - 1) || ' days') as window_start
  from sentence_themes where source_table = 'reviews'
),
experience as (
  select st.competitor, st.theme, count(*) as mentions, avg(st.compound) as avg_sentiment,
         avg(st.label = 'negative') as share_negative
  from sentence_themes st, bounds b
  where st.source_table = 'reviews' and st.published_at >= b.window_start
    and st.published_at < date(b.window_end, '+1 day')
  group by st.competitor, st.theme
),
experience_totals as (select competitor, sum(mentions) as total from experience group by competitor),
pairs as (
  select competitor, theme from claims union select competitor, theme from experience
),
fit as (
  select p.competitor, p.theme,
         coalesce(cl.mentions, 0) as claim_mentions,
         coalesce(1.0 * cl.mentions / ct.total, 0) as claim_share,
         coalesce(ex.mentions, 0) as customer_mentions,
         coalesce(1.0 * ex.mentions / et.total, 0) as customer_share,
         ex.avg_sentiment, ex.share_negative
  from pairs p
  left join claims cl on cl.competitor = p.competitor and cl.theme = p.theme
  left join claim_totals ct on ct.competitor = p.competitor
  left join experience ex on ex.competitor = p.competitor and ex.theme = p.theme
  left join experience_totals et on et.competitor = p.competitor
)
select
  f.competitor,
  coalesce(c.name, f.competitor) as competitor_name,
  coalesce(c.is_self, 0) as is_self,
  f.theme,
  coalesce(t.label, t.name, f.theme) as theme_label,
  f.claim_mentions,
  round(f.claim_share, 4) as claim_share,
  f.customer_mentions,
  round(f.customer_share, 4) as customer_share,
  round(f.avg_sentiment, 3) as customer_avg_sentiment,
  round(f.share_negative, 4) as customer_share_negative,
  round(f.claim_share - f.customer_share, 4) as fit_gap,
  case
    when f.claim_share >= 0.10 and f.avg_sentiment >= 0.05 then 'claimed and confirmed'
    when f.claim_share >= 0.10 and f.avg_sentiment <= -0.05 then 'claimed but contradicted'
    when f.claim_share >= 0.10 then 'claimed, not evidenced'
    when f.customer_share >= 0.10 and f.avg_sentiment >= 0.05 then 'unclaimed strength'
    when f.customer_share >= 0.10 and f.avg_sentiment <= -0.05 then 'unaddressed weakness'
    else 'minor'
  end as verdict,
  b.window_start,
  b.window_end
from fit f
cross join bounds b
left join competitors c on c.id = f.competitor
left join themes t on t.id = f.theme
order by f.competitor, f.claim_share desc, f.customer_share desc, f.theme
