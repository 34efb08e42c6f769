select * from products where sku like 'A\_%' or note = 'it''s a \d'
