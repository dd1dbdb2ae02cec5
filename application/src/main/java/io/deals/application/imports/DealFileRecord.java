package io.deals.application.imports;

/**
 * One record of a deals file as written, before any rule was checked: {@code null} for a column
 * the file does not have. {@code line} is the physical line it starts on (a quoted field may span
 * several); {@code fieldCountMatches} is false when it has more or fewer fields than the header.
 */
public record DealFileRecord(long line, boolean fieldCountMatches, String dealId, String hotelName, String hotelCity,
                             String hotelCountry, String hotelPhone, String hotelStarRating, String roomType,
                             String pricePerNight, String originalPrice, String discountPercent, String checkinDate,
                             String checkoutDate, String isAvailable, String categories, String createdAt) {
}
