CREATE TABLE exam_results (
    student_id INTEGER,
    email      VARCHAR(100),
    score      INTEGER
);
INSERT INTO exam_results VALUES
    (1, 'ana@uni.example', 50),
    (2, 'bo@uni.example', 49),
    (3, 'no-at-sign', NULL),
    (4, NULL, -10),
    (5, '@uni.example', 100);
