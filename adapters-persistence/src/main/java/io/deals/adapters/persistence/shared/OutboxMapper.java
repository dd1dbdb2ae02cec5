package io.deals.adapters.persistence.shared;

import org.apache.ibatis.annotations.Param;

import java.time.Instant;

public interface OutboxMapper {

    /** The number of events recorded: 1, or 0 if the hotel row is not there. */
    int appendHotelEvent(@Param("hotelId") long hotelId, @Param("type") String type, @Param("at") Instant at);

    int appendDealEvent(@Param("dealId") long dealId, @Param("type") String type, @Param("at") Instant at);
}
