package io.deals.adapters.persistence.retention;

import org.apache.ibatis.annotations.Param;

import java.time.Instant;

public interface PruningMapper {

    int deleteEvents(@Param("before") Instant before, @Param("batch") int batch);

    int deleteIdempotencyKeys(@Param("before") Instant before, @Param("batch") int batch);
}
