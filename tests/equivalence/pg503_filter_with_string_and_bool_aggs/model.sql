-- Production deployment summary per service.
select
    service,
    string_agg(version, ', ' order by version) filter (where environment = 'prod') as prod_versions,
    bool_or(succeeded) filter (where environment = 'prod') as any_prod_success,
    bool_and(succeeded) filter (where environment = 'prod') as all_prod_succeeded,
    count(*) filter (where environment = 'prod' and succeeded) as prod_successes
from deployments
group by service
