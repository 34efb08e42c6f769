CREATE TABLE routes (
    route_id INTEGER,
    stops    VARCHAR(100)
);
INSERT INTO routes VALUES
    (1, 'Oslo | Bergen | Trondheim'),
    (2, ' | Oslo |  | Bergen | '),
    (3, 'A|B | c'),
    (4, NULL),
    (5, 'Solo');
