SELECT ID
FROM ORDERS
WHERE STATUS /* not returns */ !~ '^return' -- trailing
  AND NOTE
      ~* 'urgent'
