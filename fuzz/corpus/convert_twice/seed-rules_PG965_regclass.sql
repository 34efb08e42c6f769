select 'public.orders'::regclass::oid as table_oid
