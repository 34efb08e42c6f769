CREATE TABLE roles (
    siret  VARCHAR(14),
    r      VARCHAR(20),
    e      VARCHAR(20),
    w      VARCHAR(20)
);
INSERT INTO roles VALUES
    ('111', 'DESTINATAIRE', NULL, 'TRAVAUX'),
    ('222', NULL, NULL, NULL),
    ('333', 'DESTINATAIRE', 'PRODUCTEUR', NULL);
