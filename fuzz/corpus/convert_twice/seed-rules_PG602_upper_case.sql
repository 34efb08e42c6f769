SELECT ID, NAME
FROM {{ source('crm', 'accounts') }}
WHERE NAME LIKE 'ACME\_%' /* literal underscore */
   OR (CODE NOT ILIKE '%\_TMP')
