package io.deals.domain.hotel;

import io.deals.domain.shared.Change;
import io.deals.domain.shared.Text;
import io.deals.domain.shared.Validation;
import io.deals.domain.shared.Version;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The hotel aggregate. Immutable: every change returns a new hotel and the events it raised. */
public final class Hotel {

    private final HotelId id;
    private final HotelDetails details;
    private final Version version;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Hotel(HotelId id, HotelDetails details, Version version, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.details = Objects.requireNonNull(details, "details");
        this.version = Objects.requireNonNull(version, "version");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new hotel from details checked by {@link #validate(HotelDraft)}. */
    public static Change<Hotel> create(HotelId id, HotelDetails details, Instant now) {
        Hotel hotel = new Hotel(id, details, Version.INITIAL, now, now);
        return new Change<>(hotel, List.of(new HotelEvent.Created(id, now)));
    }

    /** Rebuilds a hotel from storage; its details were validated when they were built. */
    public static Hotel restore(HotelId id, HotelDetails details, Version version, Instant createdAt,
                                Instant updatedAt) {
        return new Hotel(id, details, version, createdAt, updatedAt);
    }

    /** Applies a merge patch; a patch that changes nothing raises no event and keeps the hotel as is. */
    public Change<Hotel> change(HotelPatch patch, Instant now) {
        HotelDetails changed = validate(patch.over(details));
        if (changed.equals(details)) {
            return Change.none(this);
        }
        Hotel after = new Hotel(id, changed, version, createdAt, now);
        return new Change<>(after, List.of(new HotelEvent.Updated(id, now)));
    }

    public HotelEvent.Deleted delete(Instant now) {
        return new HotelEvent.Deleted(id, now);
    }

    /** The draft's details, or a {@code ValidationException} naming every broken rule. */
    public static HotelDetails validate(HotelDraft draft) {
        Validation validation = new Validation();
        String name = validation.field("name", () -> Text.trimmed(draft.name(), HotelDetails.NAME_MAX));
        String city = validation.field("city", () -> Text.trimmed(draft.city(), HotelDetails.PLACE_MAX));
        String country = validation.field("country", () -> Text.trimmed(draft.country(), HotelDetails.PLACE_MAX));
        Phone phone = validation.field("phone", () -> Phone.parse(draft.phone()));
        StarRating stars = validation.field("star_rating", () -> StarRating.of(draft.starRating()));
        validation.throwIfInvalid();
        return new HotelDetails(name, city, country, phone, stars);
    }

    public HotelId id() {
        return id;
    }

    public HotelDetails details() {
        return details;
    }

    public Version version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
