package io.deals.adapters.persistence.event;

import org.apache.ibatis.annotations.Param;

import java.util.List;

public interface EventLogMapper {

    List<EventRow> after(@Param("after") long after, @Param("limit") int limit, @Param("types") String[] types,
                         @Param("subject") Long subject);
}
