CREATE TABLE projects (
    project_id INTEGER,
    name       VARCHAR(50)
);
CREATE TABLE tasks (
    task_id    INTEGER,
    project_id INTEGER,
    assignee   VARCHAR(20),
    due_on     DATE
);
INSERT INTO projects VALUES (1, 'migration'), (2, 'audit'), (3, 'idle');
INSERT INTO tasks VALUES
    (1, 1, 'ana',  DATE '2024-06-01'),
    (2, 1, NULL,   DATE '2024-06-02'),
    (3, 1, 'bo',   DATE '2024-06-03'),
    (4, 2, NULL,   DATE '2024-07-01');
