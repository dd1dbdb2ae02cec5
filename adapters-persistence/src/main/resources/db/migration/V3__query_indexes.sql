-- Indexes for the query side: each filter and each keyset order an index can serve.

-- City and country match case-insensitively.
CREATE INDEX hotels_lower_city_idx ON hotels (lower(city));
CREATE INDEX hotels_lower_country_idx ON hotels (lower(country));
CREATE INDEX hotels_star_rating_idx ON hotels (star_rating);

-- One (sort key, id) index per keyset order; a B-tree serves both directions.
CREATE INDEX deals_price_per_night_id_idx ON deals (price_per_night, id);
CREATE INDEX deals_discount_percent_id_idx ON deals (discount_percent, id);
CREATE INDEX deals_checkin_date_id_idx ON deals (checkin_date, id);
CREATE INDEX deals_created_at_id_idx ON deals (created_at, id);

-- A deal's hotel, walked in id order (a city's deals, page by page).
DROP INDEX deals_hotel_id_idx;
CREATE INDEX deals_hotel_id_id_idx ON deals (hotel_id, id);
