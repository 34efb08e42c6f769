CREATE TABLE answers (
    answer_id           INTEGER,
    support_theme_list  VARCHAR(200)
);
INSERT INTO answers VALUES
    (1, 'emploi,logement'),
    (2, '');
