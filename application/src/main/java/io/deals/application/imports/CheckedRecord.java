package io.deals.application.imports;

import io.deals.domain.deal.Deal;
import io.deals.domain.deal.DealDraft;
import io.deals.domain.deal.DealTerms;
import io.deals.domain.hotel.Hotel;
import io.deals.domain.hotel.HotelDetails;
import io.deals.domain.hotel.HotelDraft;
import io.deals.domain.shared.Validation;
import io.deals.domain.shared.ValidationException;
import io.deals.domain.shared.Violation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.deals.application.imports.DealFileColumns.CATEGORIES;
import static io.deals.application.imports.DealFileColumns.CHECKIN_DATE;
import static io.deals.application.imports.DealFileColumns.CHECKOUT_DATE;
import static io.deals.application.imports.DealFileColumns.CREATED_AT;
import static io.deals.application.imports.DealFileColumns.DEAL_ID;
import static io.deals.application.imports.DealFileColumns.DISCOUNT_PERCENT;
import static io.deals.application.imports.DealFileColumns.HOTEL_CITY;
import static io.deals.application.imports.DealFileColumns.HOTEL_COUNTRY;
import static io.deals.application.imports.DealFileColumns.HOTEL_NAME;
import static io.deals.application.imports.DealFileColumns.HOTEL_PHONE;
import static io.deals.application.imports.DealFileColumns.HOTEL_STAR_RATING;
import static io.deals.application.imports.DealFileColumns.IS_AVAILABLE;
import static io.deals.application.imports.DealFileColumns.ORIGINAL_PRICE;
import static io.deals.application.imports.DealFileColumns.PRICE_PER_NIGHT;

/**
 * A file record checked by the same rules as the API's writes: its text read into typed values,
 * then its hotel and its deal built by the domain's factories. Every broken rule of a row is
 * reported at once, named by the file's column.
 */
record CheckedRecord(HotelDetails hotel, DealTerms terms, Instant createdAt) {

    /**
     * The file names a deal's hotel by its details; the merge resolves the id. Validation needs
     * some hotel id, and any valid one stands in.
     */
    private static final long HOTEL_RESOLVED_BY_MERGE = 1;

    /** The domain's field names, as the file's columns name them. */
    private static final Map<String, String> COLUMN_OF = Map.of(
            "name", HOTEL_NAME, "city", HOTEL_CITY, "country", HOTEL_COUNTRY, "phone", HOTEL_PHONE,
            "star_rating", HOTEL_STAR_RATING, "external_ref", DEAL_ID);

    /** The checked row, or a {@link ValidationException} naming every broken rule by column. */
    static CheckedRecord of(DealFileRecord record, Instant now) {
        if (!record.fieldCountMatches()) {
            throw ValidationException.of("row", "wrong_field_count", "has more or fewer fields than the header");
        }
        Validation typed = new Validation();
        Integer stars = typed.field(HOTEL_STAR_RATING, () -> FileValues.integer(record.hotelStarRating()));
        BigDecimal price = typed.field(PRICE_PER_NIGHT, () -> FileValues.decimal(record.pricePerNight()));
        BigDecimal original = typed.field(ORIGINAL_PRICE, () -> FileValues.decimal(record.originalPrice()));
        Integer discount = typed.field(DISCOUNT_PERCENT, () -> FileValues.integer(record.discountPercent()));
        LocalDate checkin = typed.field(CHECKIN_DATE, () -> FileValues.date(record.checkinDate()));
        LocalDate checkout = typed.field(CHECKOUT_DATE, () -> FileValues.date(record.checkoutDate()));
        Boolean available = typed.field(IS_AVAILABLE, () -> FileValues.bool(record.isAvailable()));
        Instant createdAt = typed.field(CREATED_AT, () -> FileValues.pastInstant(record.createdAt(), now));
        List<String> categories = FileValues.list(record.categories());

        List<Violation> violations = new ArrayList<>(typed.violations());
        HotelDetails hotel = checked(violations, typed, () -> Hotel.validate(new HotelDraft(record.hotelName(),
                record.hotelCity(), record.hotelCountry(), record.hotelPhone(), stars)));
        DealTerms terms = checked(violations, typed, () -> Deal.validate(new DealDraft(HOTEL_RESOLVED_BY_MERGE,
                record.roomType(), price, original, discount, checkin, checkout, available, categories,
                record.dealId() == null ? "" : record.dealId())));
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new CheckedRecord(hotel, terms, createdAt == null ? now : createdAt);
    }

    /**
     * Runs a domain factory, adding its violations under the file's column names; a field whose
     * text was no value of its type is reported once, as such, not again as missing.
     */
    private static <T> T checked(List<Violation> violations, Validation typed, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException invalid) {
            for (Violation violation : invalid.violations()) {
                String column = COLUMN_OF.getOrDefault(violation.field(), violation.field());
                if (!typed.failed(column)) {
                    violations.add(new Violation(column, violation.code(), violation.message()));
                }
            }
            return null;
        }
    }
}
