package io.deals.bootstrap.imports;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.imports.port.in.ImportDealsCommand;
import io.deals.application.imports.port.in.ImportMode;
import io.deals.application.imports.port.in.ImportReport;
import io.deals.bootstrap.Deals;
import io.deals.bootstrap.demo.DemoDeals;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

class ImportSmokeIT {
    @Test
    void smoke() throws Exception {
        Deals deals = Deals.embed(TestDatabase.dataSource(), Deals.Schema.MIGRATE);
        TestDatabase.reset();
        StringWriter csv = new StringWriter();
        new DemoDeals(2000, 50, 7, 0.05).writeTo(csv);
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportReport first = deals.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(bytes), ImportMode.LENIENT));
        System.out.println(first);
        ImportReport second = deals.importDeals().importDeals(new ImportDealsCommand(new ByteArrayInputStream(bytes), ImportMode.LENIENT));
        System.out.println(second);
    }
}
