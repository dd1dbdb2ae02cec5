-- A statistic or a count over a city's or a country's deals reads the index alone.
--
-- A hotel's deals are spread through the table (they arrive over time, between other hotels'),
-- so even a city's 1% of the deals sits on most heap pages: with (hotel_id, id) only, the
-- planner rightly read the whole table for /deals/stats?city=… rather than visit nearly every
-- page at random. Carrying the two figures the statistics aggregate lets an index-only scan
-- serve them; the key is unchanged, so it still walks a hotel's deals in id order.
CREATE INDEX deals_hotel_id_id_covering_idx ON deals (hotel_id, id) INCLUDE (price_per_night, discount_percent);
DROP INDEX deals_hotel_id_id_idx;
