package io.deals.adapters.persistence.hotel;

import io.deals.application.hotel.port.in.HotelFilter;
import io.deals.application.hotel.port.in.HotelView;
import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.Optional;

public interface HotelMapper {

    long nextId();

    Optional<HotelRow> find(@Param("id") long id);

    Optional<HotelView> findView(@Param("id") long id);

    boolean exists(@Param("id") long id);

    List<HotelView> page(@Param("f") HotelFilter filter, @Param("afterId") Long afterId, @Param("limit") int limit,
                         @Param("offset") int offset);

    long count(@Param("f") HotelFilter filter);

    void insert(HotelRow row);

    /** 0 when the hotel is gone or no longer at {@code expected}. */
    int update(@Param("row") HotelRow row, @Param("expected") long expected);

    int delete(@Param("id") long id, @Param("expected") long expected);
}
