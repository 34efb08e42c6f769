-- Each customer's top product by spend (returns are negative quantities);
-- equal spend goes to the alphabetically first product.
select distinct on (customer_id)
    customer_id,
    product as top_product,
    sum(quantity * unit_price) as product_spend
from order_lines
group by customer_id, product
having count(*) > 0
order by customer_id, sum(quantity * unit_price) desc nulls last, product
limit 10
