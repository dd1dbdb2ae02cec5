-- The at-most-ten-categories check, once per statement instead of once per inserted link: a
-- bulk import links a million deals in one statement, and counting again for every link row
-- would dominate it. Same constraint name and SQLSTATE as before.
DROP TRIGGER deal_categories_at_most_ten ON deal_categories;
DROP FUNCTION deal_categories_at_most_ten();

CREATE FUNCTION deal_categories_at_most_ten() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    crowded bigint;
BEGIN
    SELECT dc.deal_id INTO crowded
      FROM deal_categories dc
     WHERE dc.deal_id IN (SELECT deal_id FROM added)
     GROUP BY dc.deal_id
    HAVING count(*) > 10
     LIMIT 1;
    IF crowded IS NOT NULL THEN
        RAISE EXCEPTION 'deal % has more than 10 categories', crowded
            USING ERRCODE = 'check_violation', CONSTRAINT = 'deal_categories_at_most_ten';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER deal_categories_at_most_ten
    AFTER INSERT ON deal_categories
    REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION deal_categories_at_most_ten();
