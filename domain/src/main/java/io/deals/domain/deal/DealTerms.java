package io.deals.domain.deal;

import io.deals.domain.category.Categories;
import io.deals.domain.hotel.HotelId;
import io.deals.domain.shared.InvalidValueException;
import io.deals.domain.shared.Text;

import java.util.Objects;

/**
 * What a deal offers, validated as a whole: everything but identity, version and timestamps.
 * The constructor holds the cross-field rules too, so no deal can exist that breaks them.
 */
public record DealTerms(HotelId hotelId, String roomType, Money pricePerNight, Money originalPrice,
                        DiscountPercent discount, Stay stay, boolean available, Categories categories,
                        ExternalRef externalRef) {

    public static final int ROOM_TYPE_MAX = 50;

    public DealTerms {
        Objects.requireNonNull(hotelId, "hotelId");
        Text.requireNormalized(roomType, ROOM_TYPE_MAX);
        Objects.requireNonNull(pricePerNight, "pricePerNight");
        Objects.requireNonNull(originalPrice, "originalPrice");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(categories, "categories");
        requirePriceNotAboveOriginal(pricePerNight, originalPrice);
        requireDiscountAgrees(discount, pricePerNight, originalPrice);
    }

    public boolean samePricesAs(DealTerms other) {
        return pricePerNight.equals(other.pricePerNight)
                && originalPrice.equals(other.originalPrice)
                && discount.equals(other.discount);
    }

    static void requirePriceNotAboveOriginal(Money price, Money original) {
        if (price.compareTo(original) > 0) {
            throw new InvalidValueException("price_above_original", "must not be above original_price");
        }
    }

    static void requireDiscountAgrees(DiscountPercent discount, Money price, Money original) {
        if (!discount.agreesWith(price, original)) {
            throw new InvalidValueException("inconsistent_discount",
                    "must be within 1 point of 100 × (1 − price_per_night / original_price), here "
                            + DiscountPercent.derive(price, original).value());
        }
    }
}
