-- campaign performance: click-through rate and cost per click in floating point
select
    campaign,
    count(*) as days,
    sum(clicks)::float8 / nullif(sum(impressions), 0) as ctr,
    avg(clicks::float8) as avg_clicks,
    sum(spend)::float8 / nullif(sum(clicks), 0) as cost_per_click,
    min(cast(spend as float8)) as min_spend
from campaign_stats
group by campaign
