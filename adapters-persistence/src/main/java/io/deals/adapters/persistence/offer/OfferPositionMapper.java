package io.deals.adapters.persistence.offer;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** See OfferPositionMapper.xml. */
public interface OfferPositionMapper {

    List<OfferPositionRow> stored(@Param("topic") String topic, @Param("partitions") Integer[] partitions);

    int advance(@Param("topic") String topic, @Param("partition") int partition, @Param("from") long from,
                @Param("next") long next);

    int start(@Param("topic") String topic, @Param("partition") int partition, @Param("next") long next);
}
