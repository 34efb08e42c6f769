CREATE TABLE notes (
    id    INTEGER,
    label VARCHAR(50)
);
