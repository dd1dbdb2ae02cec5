package io.deals.adapters.persistence;

import io.deals.adapters.persistence.deal.DealMapper;
import io.deals.adapters.persistence.deal.MyBatisDealRepository;
import io.deals.adapters.persistence.deal.MyBatisDealSearch;
import io.deals.adapters.persistence.event.EventLogMapper;
import io.deals.adapters.persistence.event.MyBatisEventLog;
import io.deals.adapters.persistence.event.PostgresEventSignals;
import io.deals.adapters.persistence.event.PostgresRelayLeases;
import io.deals.adapters.persistence.hotel.HotelMapper;
import io.deals.adapters.persistence.hotel.MyBatisHotelRepository;
import io.deals.adapters.persistence.hotel.MyBatisHotelSearch;
import io.deals.adapters.persistence.imports.DealImportMapper;
import io.deals.adapters.persistence.imports.PostgresDealImports;
import io.deals.adapters.persistence.retention.MyBatisPruning;
import io.deals.adapters.persistence.offer.MyBatisOfferPositions;
import io.deals.adapters.persistence.offer.OfferPositionMapper;
import io.deals.adapters.persistence.retention.PruningMapper;
import io.deals.adapters.persistence.shared.IdempotencyKeyMapper;
import io.deals.adapters.persistence.shared.JdbcStorageProbe;
import io.deals.adapters.persistence.shared.MyBatisEventOutbox;
import io.deals.adapters.persistence.shared.MyBatisIdempotencyKeys;
import io.deals.adapters.persistence.shared.MyBatisTransactionRunner;
import io.deals.adapters.persistence.shared.OutboxMapper;
import io.deals.application.deal.port.out.DealRepository;
import io.deals.application.deal.port.out.DealSearch;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.port.out.EventSignals;
import io.deals.application.event.port.out.RelayLeases;
import io.deals.application.health.port.out.StorageProbe;
import io.deals.application.hotel.port.out.HotelRepository;
import io.deals.application.hotel.port.out.HotelSearch;
import io.deals.application.imports.port.out.DealImports;
import io.deals.application.offer.port.out.OfferPositions;
import io.deals.application.retention.port.out.Pruning;
import io.deals.application.shared.port.out.EventOutbox;
import io.deals.application.shared.port.out.IdempotencyKeys;
import io.deals.application.shared.port.out.TransactionRunner;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.apache.ibatis.session.LocalCacheScope;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.ArrayTypeHandler;
import org.mybatis.guice.MyBatisModule;

import javax.sql.DataSource;
import java.util.Objects;

/** Binds the persistence out-ports to MyBatis on PostgreSQL, over a {@code DataSource} the caller owns. */
public final class PersistenceModule extends MyBatisModule {

    private final DataSource dataSource;

    public PersistenceModule(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    protected void initialize() {
        environmentId("deals");
        bindDataSourceProvider((Provider<DataSource>) () -> dataSource);
        bindTransactionFactoryType(JdbcTransactionFactory.class);
        // Statement scope: the session cache would otherwise hand back a stale nextval() or row.
        localCacheScope(LocalCacheScope.STATEMENT);
        mapUnderscoreToCamelCase(true);
        bindConfigurationSetting(configuration -> {
            configuration.setArgNameBasedConstructorAutoMapping(true);
            configuration.getTypeHandlerRegistry().register(String[].class, ArrayTypeHandler.class);
        });
        addMapperClass(HotelMapper.class);
        addMapperClass(DealMapper.class);
        addMapperClass(OutboxMapper.class);
        addMapperClass(IdempotencyKeyMapper.class);
        addMapperClass(DealImportMapper.class);
        addMapperClass(EventLogMapper.class);
        addMapperClass(PruningMapper.class);
        addMapperClass(OfferPositionMapper.class);

        bind(TransactionRunner.class).to(MyBatisTransactionRunner.class).in(Singleton.class);
        bind(EventOutbox.class).to(MyBatisEventOutbox.class).in(Singleton.class);
        bind(HotelRepository.class).to(MyBatisHotelRepository.class).in(Singleton.class);
        bind(HotelSearch.class).to(MyBatisHotelSearch.class).in(Singleton.class);
        bind(DealRepository.class).to(MyBatisDealRepository.class).in(Singleton.class);
        bind(DealSearch.class).to(MyBatisDealSearch.class).in(Singleton.class);
        bind(IdempotencyKeys.class).to(MyBatisIdempotencyKeys.class).in(Singleton.class);
        bind(DealImports.class).to(PostgresDealImports.class).in(Singleton.class);
        bind(StorageProbe.class).to(JdbcStorageProbe.class).in(Singleton.class);
        bind(EventLog.class).to(MyBatisEventLog.class).in(Singleton.class);
        bind(EventSignals.class).to(PostgresEventSignals.class).in(Singleton.class);
        bind(Pruning.class).to(MyBatisPruning.class).in(Singleton.class);
        bind(RelayLeases.class).to(PostgresRelayLeases.class).in(Singleton.class);
        bind(OfferPositions.class).to(MyBatisOfferPositions.class).in(Singleton.class);
    }
}
