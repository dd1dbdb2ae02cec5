package io.deals.application.event.port.in;

import io.deals.domain.deal.DealEvent;
import io.deals.domain.hotel.HotelEvent;

import java.util.Set;

/**
 * Which events a reader wants: any of {@code types} (all when empty), of the resource {@code subject}
 * (any when null). A feed that filters still advances past what it skips.
 */
public record EventFilter(Set<String> types, Long subject) {

    public static final EventFilter ALL = new EventFilter(Set.of(), null);

    /** Every event type the feed carries. */
    public static final Set<String> TYPES = Set.of(HotelEvent.Created.TYPE, HotelEvent.Updated.TYPE,
            HotelEvent.Deleted.TYPE, DealEvent.Created.TYPE, DealEvent.Updated.TYPE, DealEvent.Deleted.TYPE,
            DealEvent.PriceChanged.TYPE);

    public EventFilter {
        types = Set.copyOf(types);
    }

    public boolean matches(ChangeEvent event) {
        return (types.isEmpty() || types.contains(event.type())) && (subject == null || subject == event.subject());
    }
}
