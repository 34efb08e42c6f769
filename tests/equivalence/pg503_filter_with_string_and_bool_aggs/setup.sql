CREATE TABLE deployments (
    deployment_id INTEGER,
    service       VARCHAR(30),
    environment   VARCHAR(20),
    version       VARCHAR(20),
    succeeded     BOOLEAN
);
INSERT INTO deployments VALUES
    (1, 'api',    'prod',    'v1.2', TRUE),
    (2, 'api',    'prod',    'v1.3', FALSE),
    (3, 'api',    'staging', 'v1.4', TRUE),
    (4, 'web',    'staging', 'v2.0', NULL),
    (5, 'web',    'prod',    'v2.1', NULL),
    (6, 'web',    'prod',    NULL,   TRUE),
    (7, 'worker', 'staging', 'v0.9', FALSE),
    (8, 'worker', 'prod',    'v1.0', NULL),
    (9, 'worker', NULL,      'v1.1', TRUE);
