-- bench_review_kpis: see definitions.yml. Parameters: none.
with r as (
  select rv.competitor, rv.rating, rv.source_type, rs.compound,
         substr(coalesce(rv.published_at, rv.first_seen_at), 1, 7) as month
  from reviews rv
  left join review_sentiment rs on rs.review = rv.id
),
agg as (
  select competitor, month,
         count(*) as reviews,
         count(rating) as rated_reviews,
         sum(source_type = 'first_party') as first_party_reviews,
         avg(rating) as avg_rating,
         sum(rating >= 4) as positive,
         sum(rating <= 2) as negative,
         sum(rating >= 4.5) as promoters,
         sum(rating < 3.5) as detractors,
         avg(compound) as avg_text_sentiment
  from r
  group by competitor, month
)
select
  a.competitor,
  coalesce(c.name, a.competitor) as competitor_name,
  coalesce(c.is_self, 0) as is_self,
  a.month,
  a.reviews,
  a.rated_reviews,
  a.first_party_reviews,
  round(a.avg_rating, 2) as avg_rating,
  round(1.0 * a.positive / nullif(a.rated_reviews, 0), 4) as share_positive,
  round(1.0 * a.negative / nullif(a.rated_reviews, 0), 4) as share_negative,
  coalesce(a.promoters, 0) as promoters,
  coalesce(a.detractors, 0) as detractors,
  round(100.0 * (a.promoters - a.detractors) / nullif(a.rated_reviews, 0), 1) as net_rating_score,
  round(a.avg_text_sentiment, 3) as avg_text_sentiment
from agg a
left join competitors c on c.id = a.competitor
order by a.competitor, a.month
