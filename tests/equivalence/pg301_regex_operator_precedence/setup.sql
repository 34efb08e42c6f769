CREATE TABLE users (
    user_id     INTEGER,
    first_name  VARCHAR(30),
    last_name   VARCHAR(30),
    email       VARCHAR(100),
    is_verified BOOLEAN
);
INSERT INTO users VALUES
    (1, 'John',  'Smith',    'john@acme.com',  TRUE),
    (2, 'Jane',  'SMITHERS', 'jane-at-acme',   TRUE),
    (3, 'Bob',   NULL,       NULL,             FALSE),
    (4, 'Alice', 'Jones',    'alice@ACME.COM', NULL),
    (5, NULL,    'smith',    'x@y.z',          FALSE);
