package io.deals.bootstrap.imports;

import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.bootstrap.EmbeddedDealsTestBase;
import io.deals.bootstrap.demo.DemoCatalogue;
import io.deals.domain.hotel.HotelDraft;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.Map;

import static io.deals.bootstrap.imports.DealsCsv.HARBOUR;
import static io.deals.bootstrap.imports.DealsCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

/** What {@code serve --demo} does before it listens: the reference catalogue, into an empty database only. */
class DemoCatalogueIT extends EmbeddedDealsTestBase {

    @Test
    void the_demo_catalogue_fills_an_empty_database_with_every_row_and_only_once() {
        DemoCatalogue.loadIfEmpty(deals);

        assertThat(StoredRows.count("deals")).as("every row imported, none rejected").isEqualTo(50_000);
        assertThat(StoredRows.count("hotels")).isEqualTo(150);
        assertThat(StoredRows.number("SELECT count(DISTINCT hotel_id) FROM deals")).isEqualTo(150);
        assertThat(StoredRows.number("SELECT count(*) FROM deals WHERE external_ref ~ '^D-[0-9]{7}$'"))
                .isEqualTo(50_000);
        assertThat(StoredRows.count("deal_price_history")).isEqualTo(50_000);
        assertThat(StoredRows.count("outbox_events")).isEqualTo(50_000 + 150);
        assertThat(StoredRows.strings("SELECT DISTINCT version FROM deals")).containsExactly("1");
        Map<String, String> loaded = StoredRows.digest();

        DemoCatalogue.loadIfEmpty(deals);

        assertThat(StoredRows.digest()).as("a database with deals is left alone").isEqualTo(loaded);
    }

    @Test
    void a_database_with_any_deal_gets_no_demo_data() {
        deals.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(
                DealsCsv.file().add(row("MINE-1", HARBOUR)).bytes()), ImportMode.STRICT));
        Map<String, String> before = StoredRows.digest();

        DemoCatalogue.loadIfEmpty(deals);

        assertThat(StoredRows.digest()).isEqualTo(before);
        assertThat(StoredRows.strings("SELECT external_ref FROM deals")).containsExactly("MINE-1");
    }

    @Test
    void a_database_with_a_hotel_but_no_deal_gets_no_demo_data_either() {
        deals.createHotel().create(new CreateHotelCommand(
                new HotelDraft("Harbour View", "Toronto", "Canada", "+12005550000", 4)));
        Map<String, String> before = StoredRows.digest();

        DemoCatalogue.loadIfEmpty(deals);

        assertThat(StoredRows.digest()).isEqualTo(before);
    }
}
