package io.deals.adapters.persistence.imports;

import io.deals.adapters.persistence.deal.DealViewRow;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.application.imports.port.in.ImportError;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

/** The bulk import's statements, in the order they run; see DealImportMapper.xml. */
public interface DealImportMapper {

    int waitForOtherImports();

    void dropStaging();

    void createStaging();

    void analyzeStaging();

    void findRepeats();

    void createNewHotelsTable();

    int createHotels(@Param("now") Instant now);

    long lockNamedDeals();

    long lockNamedHotels();

    void planRows();

    void analyzePlan();

    void indexPlan();

    int insertDeals(@Param("now") Instant now);

    String firstTakenRef();

    int updateDeals(@Param("now") Instant now);

    void insertCategories();

    void unlinkChangedCategories();

    void linkCategories();

    void closePricePeriods(@Param("now") Instant now);

    void openPricePeriods(@Param("now") Instant now);

    void createEventStaging();

    long dealsInStatistics();

    void analyzeWrittenTables();

    void appendStagedEvents(@Param("priceChanged") String priceChangedType);

    List<HotelView> createdHotels();

    List<ChangedDeal> changedDeals(@Param("after") long afterDealId, @Param("limit") int limit);

    List<DealViewRow> dealViews(@Param("ids") Long[] dealIds);

    ImportCounts counts();

    List<ImportError> firstRefused(@Param("limit") int limit);
}
