SELECT DISTINCT ON (c.region, date_trunc('day', e.ts)) c.region, e.ts, e.kind
FROM events e
JOIN customers c ON c.id = e.customer_id
WHERE e.kind <> 'noise'
ORDER BY date_trunc('day', e.ts), c.region, e.ts DESC NULLS LAST, e.id
LIMIT 100
