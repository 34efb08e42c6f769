-- One row per customer with the products and categories they bought,
-- sorted (byte order: upper case before lower case), NULL names skipped.
select
    o.customer_id,
    string_agg(i.product_name, ', ' order by i.product_name) as products,
    string_agg(distinct i.category, '|') as categories,
    string_agg(i.product_name, ' > ' order by o.ordered_at, i.product_name desc) as purchase_path,
    count(*) as item_count
from orders as o
inner join order_items as i
    on i.order_id = o.order_id
group by o.customer_id
