-- bench_price_change_impact: see definitions.yml. Parameters: :impact_days.
-- temp.bench_price_themes holds the theme ids that count as price/value talk.
with ch as (
  select id, competitor, subject, before, after, change_pct, detected_at,
         date(detected_at) as d0,
         date(detected_at, '-' || :impact_days || ' days') as d_before,
         date(detected_at, '+' || :impact_days || ' days') as d_after
  from changes where kind = 'price_change'
),
mentions as (
  select st.competitor, st.published_at, st.compound, st.label
  from sentence_themes st
  where st.source_table = 'reviews' and st.theme in (select theme from temp.bench_price_themes)
),
before_w as (
  select ch.id, count(m.compound) as n, avg(m.compound) as s, avg(m.label = 'negative') as neg
  from ch join mentions m on m.competitor = ch.competitor
   and m.published_at >= ch.d_before and m.published_at < ch.d0
  group by ch.id
),
after_w as (
  select ch.id, count(m.compound) as n, avg(m.compound) as s, avg(m.label = 'negative') as neg
  from ch join mentions m on m.competitor = ch.competitor
   and m.published_at >= ch.d0 and m.published_at < ch.d_after
  group by ch.id
),
latest as (select max(published_at) as last_day from sentence_themes where source_table = 'reviews')
select
  ch.id as change,
  ch.competitor,
  coalesce(c.name, ch.competitor) as competitor_name,
  coalesce(c.is_self, 0) as is_self,
  ch.subject as plan,
  ch.before,
  ch.after,
  round(coalesce(cast(nullif(ch.change_pct, '') as real), dec_pct(ch.after, ch.before)), 2) as change_pct,
  ch.detected_at,
  :impact_days as window_days,
  coalesce(b.n, 0) as before_mentions,
  round(b.s, 3) as before_avg_sentiment,
  round(b.neg, 4) as before_share_negative,
  coalesce(a.n, 0) as after_mentions,
  round(a.s, 3) as after_avg_sentiment,
  round(a.neg, 4) as after_share_negative,
  round(a.s - b.s, 3) as sentiment_change,
  case when l.last_day >= ch.d_after then 1 else 0 end as after_window_complete
from ch
cross join latest l
left join before_w b on b.id = ch.id
left join after_w a on a.id = ch.id
left join competitors c on c.id = ch.competitor
order by ch.detected_at desc, ch.id
