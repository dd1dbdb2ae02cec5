package io.deals.adapters.csv;

import com.google.inject.AbstractModule;
import io.deals.application.imports.port.out.DealFiles;
import jakarta.inject.Singleton;

/** Binds the reading of deals files to CSV. */
public final class CsvModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(DealFiles.class).to(CsvDealFiles.class).in(Singleton.class);
    }
}
