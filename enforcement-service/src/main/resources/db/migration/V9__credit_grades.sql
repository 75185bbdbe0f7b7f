-- Credit grades as credit-service publishes them (CreditGradePublished), kept per unit with their period and version
-- so that an older grade delivered later never replaces a newer one, and a grade that arrives before the unit is in
-- the pool is there when it comes. The pool's credit_grade column (the draw weights) follows this table.
CREATE TABLE credit_grade (
    code        text        PRIMARY KEY,
    grade       text        NOT NULL,
    period      text        NOT NULL,
    version     bigint      NOT NULL,
    received_at timestamptz NOT NULL
);
