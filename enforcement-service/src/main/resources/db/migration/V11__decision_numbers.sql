-- Decision numbers (决定书文号) counted per year inside the deciding transaction, so they have no gaps: a refused
-- decision rolls its number back with it, and concurrent decisions wait on the year's row.
CREATE TABLE decision_number (
    year integer PRIMARY KEY,
    last integer NOT NULL
);
