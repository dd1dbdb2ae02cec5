package io.deals.adapters.persistence;

import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.port.out.DealRepresentation;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.hotel.port.out.HotelRepresentation;
import io.deals.application.shared.Timestamps;

import java.util.stream.Collectors;

/**
 * Representations for the adapter's own tests, which run without the web adapter that defines the
 * API's JSON: enough fields to show which state an event carried. The API's JSON and the events'
 * equality with GET are tested end to end in bootstrap.
 */
final class TestRepresentations implements DealRepresentation, HotelRepresentation {

    @Override
    public String of(DealView deal) {
        return """
                {"id": %d, "external_ref": "%s", "hotel": {"id": %d, "name": "%s"}, "room_type": "%s", \
                "price_per_night": %s, "original_price": %s, "discount_percent": %d, "checkin_date": "%s", \
                "nights": %d, "is_available": %s, "categories": [%s], "version": %d, "updated_at": "%s"}"""
                .formatted(deal.id(), deal.externalRef(), deal.hotel().id(), deal.hotel().name(), deal.roomType(),
                        deal.pricePerNight().toPlainString(), deal.originalPrice().toPlainString(),
                        deal.discountPercent(), deal.checkinDate(), deal.nights(), deal.available(),
                        deal.categories().stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")),
                        deal.version(), Timestamps.format(deal.updatedAt()));
    }

    @Override
    public String of(HotelView hotel) {
        return """
                {"id": %d, "name": "%s", "phone": "%s", "star_rating": %d, "version": %d, "created_at": "%s"}"""
                .formatted(hotel.id(), hotel.name(), hotel.phone(), hotel.starRating(), hotel.version(),
                        Timestamps.format(hotel.createdAt()));
    }
}
