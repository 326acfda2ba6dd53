-- bench_theme_sentiment: see definitions.yml. Parameters: none.
with st as (
  select competitor, theme, sentence, compound, label, substr(published_at, 1, 7) as period
  from sentence_themes
  where source_table = 'reviews' and published_at is not null
),
m as (
  select competitor, theme, period,
         count(*) as mentions,
         avg(compound) as avg_sentiment,
         sum(label = 'positive') as positive,
         sum(label = 'negative') as negative
  from st
  group by competitor, theme, period
),
by_competitor as (
  select competitor, period, sum(mentions) as total from m group by competitor, period
),
by_theme as (
  select theme, period, sum(mentions) as total from m group by theme, period
),
-- SQLite returns the bare column (sentence) of the row holding the max()/min()
most_positive as (
  select competitor, theme, period, max(compound) as compound, sentence
  from st where label = 'positive' group by competitor, theme, period
),
most_negative as (
  select competitor, theme, period, min(compound) as compound, sentence
  from st where label = 'negative' group by competitor, theme, period
)
select
  m.competitor,
  coalesce(c.name, m.competitor) as competitor_name,
  coalesce(c.is_self, 0) as is_self,
  m.theme,
  coalesce(t.label, t.name, m.theme) as theme_label,
  m.period,
  m.mentions,
  round(1.0 * m.mentions / bc.total, 4) as theme_share,
  round(1.0 * m.mentions / bt.total, 4) as share_of_voice,
  round(m.avg_sentiment, 3) as avg_sentiment,
  round(1.0 * m.positive / m.mentions, 4) as share_positive,
  round(1.0 * m.negative / m.mentions, 4) as share_negative,
  p.mentions as previous_mentions,
  round(p.avg_sentiment, 3) as previous_avg_sentiment,
  round(m.avg_sentiment - p.avg_sentiment, 3) as sentiment_change,
  sp.text as example_positive,
  sn.text as example_negative
from m
join by_competitor bc on bc.competitor = m.competitor and bc.period = m.period
join by_theme bt on bt.theme = m.theme and bt.period = m.period
left join m p on p.competitor = m.competitor and p.theme = m.theme
  and p.period = strftime('%Y-%m', m.period || '-01', '-1 month')
left join most_positive mp on mp.competitor = m.competitor and mp.theme = m.theme and mp.period = m.period
left join sentences sp on sp.id = mp.sentence
left join most_negative mn on mn.competitor = m.competitor and mn.theme = m.theme and mn.period = m.period
left join sentences sn on sn.id = mn.sentence
left join competitors c on c.id = m.competitor
left join themes t on t.id = m.theme
order by m.competitor, m.theme, m.period
