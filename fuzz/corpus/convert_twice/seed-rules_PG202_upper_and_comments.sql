SELECT
    PAYLOAD #>> /* zip */ '{Shipping,Zip}' AS SHIP_ZIP,
    PAYLOAD
        #> '{shipping}' AS SHIPPING -- trailing comment
FROM ORDERS
