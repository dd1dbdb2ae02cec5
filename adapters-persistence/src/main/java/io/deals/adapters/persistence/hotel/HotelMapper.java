package io.deals.adapters.persistence.hotel;

import org.apache.ibatis.annotations.Param;

import java.util.Optional;

public interface HotelMapper {

    long nextId();

    Optional<HotelRow> find(@Param("id") long id);

    boolean exists(@Param("id") long id);

    void insert(HotelRow row);

    /** The row as stored, or empty when it is gone or no longer at {@code expected}. */
    Optional<HotelRow> update(@Param("row") HotelRow row, @Param("expected") long expected);

    int delete(@Param("id") long id, @Param("expected") long expected);
}
