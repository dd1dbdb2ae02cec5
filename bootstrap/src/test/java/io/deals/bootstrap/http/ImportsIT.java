package io.deals.bootstrap.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.deals.application.imports.DealFileColumns;
import io.deals.bootstrap.http.Api.Reply;
import io.deals.bootstrap.http.RawHttp.Exchange;
import io.deals.bootstrap.imports.DealsCsv;
import io.deals.bootstrap.imports.StoredRows;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.deals.bootstrap.imports.DealsCsv.CANAL;
import static io.deals.bootstrap.imports.DealsCsv.CREATED_AT;
import static io.deals.bootstrap.imports.DealsCsv.HARBOUR;
import static io.deals.bootstrap.imports.DealsCsv.RIVIERA;
import static io.deals.bootstrap.imports.DealsCsv.row;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /imports} over real HTTP: the report, the refusals, the size limit, and the imported deals as readers see them. */
class ImportsIT extends ApiTestBase {

    private static final long LIMIT = 200L * 1024 * 1024;

    /** Three good rows (lines 2-4) and one with a negative price (line 5). */
    private static DealsCsv fileWithOneBadRow() {
        return DealsCsv.file().add(row("D-1", HARBOUR), row("D-2", RIVIERA), row("D-3", RIVIERA),
                row("D-4", CANAL).prices("-5", "199.99", ""));
    }

    @Test
    void a_csv_file_answers_200_with_the_report_shaped_as_documented() {
        Reply first = importCsv("", fileWithOneBadRow().text());

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.header("Content-Type")).startsWith("application/json");
        JsonNode report = first.json();
        assertThat(names(report)).containsExactlyInAnyOrder("rows_read", "deals_created", "deals_updated",
                "deals_unchanged", "hotels_created", "rejected", "errors");
        assertCounts(report, 4, 3, 0, 0, 2, 1);
        assertThat(report.get("errors").isArray()).isTrue();
        assertThat(report.get("errors")).hasSize(1);
        JsonNode error = report.get("errors").get(0);
        assertThat(names(error)).containsExactlyInAnyOrder("line", "field", "code", "message");
        assertThat(error.get("line").isIntegralNumber()).isTrue();
        assertThat(error.get("line").asLong()).isEqualTo(5);
        assertThat(error.get("field").asText()).isEqualTo("price_per_night");
        assertThat(error.get("code").asText()).isEqualTo("must_be_positive");
        assertThat(error.get("message").asText()).isEqualTo("must be greater than 0");

        Reply again = importCsv("?mode=lenient", fileWithOneBadRow().text());

        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertCounts(again.json(), 4, 0, 0, 3, 0, 1);
        assertThat(total("/deals")).isEqualTo(3);
    }

    @Test
    void text_csv_in_utf8_is_accepted_with_or_without_its_charset_and_any_other_body_answers_415() {
        String csv = DealsCsv.file().add(row("D-1", HARBOUR)).text();

        Reply named = api.send("POST", "/imports", BodyPublishers.ofString(csv),
                "Content-Type", "text/csv; charset=utf-8");
        assertThat(named.status()).as(named.text()).isEqualTo(200);
        assertCounts(named.json(), 1, 1, 0, 0, 1, 0);

        String other = DealsCsv.file().add(row("D-2", RIVIERA)).text();
        assertError(api.send("POST", "/imports", BodyPublishers.ofString(other), "Content-Type", "application/json"),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.send("POST", "/imports", BodyPublishers.ofString(other), "Content-Type", "text/plain"),
                415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.send("POST", "/imports", BodyPublishers.ofString(other),
                "Content-Type", "text/csv; charset=ISO-8859-1"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertError(api.send("POST", "/imports", BodyPublishers.ofString(other)), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(total("/deals")).isEqualTo(1);
    }

    @Test
    void strict_mode_with_a_bad_row_answers_422_naming_its_line_and_stores_nothing() {
        Reply refused = importCsv("?mode=strict", fileWithOneBadRow().text());

        assertError(refused, 422, "VALIDATION_FAILED");
        JsonNode details = refused.error().get("details");
        assertThat(details).hasSize(1);
        assertThat(details.get(0).get("line").asLong()).isEqualTo(5);
        assertThat(refused.details()).containsExactly("price_per_night:must_be_positive");
        assertThat(total("/deals")).isZero();
        assertThat(total("/hotels")).isZero();

        Reply clean = importCsv("?mode=strict", DealsCsv.file().add(row("D-1", HARBOUR)).text());
        assertThat(clean.status()).as(clean.text()).isEqualTo(200);
        assertCounts(clean.json(), 1, 1, 0, 0, 1, 0);
    }

    @Test
    void an_unknown_mode_or_query_parameter_answers_400_before_reading_the_file() {
        String csv = DealsCsv.file().add(row("D-1", HARBOUR)).text();

        assertError(importCsv("?mode=bogus", csv), 400, "BAD_REQUEST");
        assertError(importCsv("?mode=strict&colour=red", csv), 400, "BAD_REQUEST");
        assertThat(total("/deals")).isZero();
    }

    @Test
    void a_header_with_an_unknown_or_a_missing_column_answers_400_naming_it() {
        String unknown = DealsCsv.withColumns(withExtra("colour")).add(row("D-1", HARBOUR)).text();
        Reply refused = importCsv("", unknown);
        assertError(refused, 400, "BAD_REQUEST");
        assertThat(refused.error().get("message").asText()).contains("colour");

        List<String> lacking = new ArrayList<>(DealFileColumns.ALL);
        lacking.remove(DealFileColumns.PRICE_PER_NIGHT);
        Reply missing = importCsv("", DealsCsv.withColumns(lacking.toArray(String[]::new))
                .add(row("D-1", HARBOUR)).text());
        assertError(missing, 400, "BAD_REQUEST");
        assertThat(missing.error().get("message").asText()).contains("missing column price_per_night");
        assertThat(total("/deals")).isZero();
    }

    @Test
    void a_file_that_is_not_readable_csv_answers_400_and_stores_none_of_its_rows() {
        String unterminated = DealsCsv.file().add(row("D-1", HARBOUR), row("D-2", RIVIERA)).text()
                + "D-3,\"Canal House,Amsterdam,Netherlands\n";
        assertError(importCsv("", unterminated), 400, "BAD_REQUEST");

        byte[] latin1 = DealsCsv.file().add(row("D-4", HARBOUR.withName("Hôtel Harbour"))).text()
                .getBytes(StandardCharsets.ISO_8859_1);
        Reply notUtf8 = api.send("POST", "/imports", BodyPublishers.ofByteArray(latin1), "Content-Type", "text/csv");
        assertError(notUtf8, 400, "BAD_REQUEST");
        assertThat(notUtf8.error().get("message").asText()).contains("UTF-8");

        assertError(importCsv("", ""), 400, "BAD_REQUEST");
        assertThat(total("/deals")).isZero();
        assertThat(total("/hotels")).isZero();
    }

    /**
     * Jetty dispatches a request with a body once the first bytes of it arrive: the client sends
     * the CSV header line and then nothing more, and must hear 413 at once.
     */
    @Test
    void a_body_announcing_more_than_200_mib_answers_413_without_the_rest_of_it_being_sent() {
        byte[] start = (DealsCsv.header() + "\n").getBytes(StandardCharsets.UTF_8);

        Exchange exchange = RawHttp.post(api.port(), "/imports",
                List.of("Content-Type: text/csv", "Content-Length: " + (LIMIT + 1)), out -> out.write(start));

        assertError(exchange.reply(), 413, "PAYLOAD_TOO_LARGE");
        assertThat(exchange.bodyBytesWrittenBeforeReply()).isLessThanOrEqualTo(start.length);
        assertThat(total("/deals")).isZero();
    }

    @Test
    void a_body_announcing_more_than_200_mib_with_expect_100_continue_answers_413_before_any_of_it_is_sent() {
        Exchange exchange = RawHttp.post(api.port(), "/imports", List.of("Content-Type: text/csv",
                "Content-Length: " + (LIMIT + 1), "Expect: 100-continue"), out -> { });

        assertError(exchange.reply(), 413, "PAYLOAD_TOO_LARGE");
        assertThat(exchange.bodyBytesWrittenBeforeReply()).isZero();
    }

    @Test
    void a_chunked_body_streaming_past_200_mib_answers_413_and_stores_nothing() {
        Exchange exchange = RawHttp.post(api.port(), "/imports",
                List.of("Content-Type: text/csv", "Transfer-Encoding: chunked"),
                out -> RawHttp.chunked(out, paddedRows(LIMIT + 2 * 1024 * 1024)));

        assertError(exchange.reply(), 413, "PAYLOAD_TOO_LARGE");
        assertThat(exchange.bodyBytesWrittenBeforeReply()).as("the server read up to its limit first")
                .isGreaterThan(LIMIT);
        assertThat(total("/deals")).isZero();
        assertThat(total("/hotels")).isZero();
    }

    /** An upload holds a connection while it streams: a second one waits its turn with a 429. */
    @Test
    void a_second_import_while_one_is_uploading_answers_429_with_retry_after() throws Exception {
        byte[] first = (DealsCsv.header() + "\n" + DealsCsv.file().add(row("U-1", HARBOUR)).text().lines().skip(1)
                .findFirst().orElseThrow() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] rest = (DealsCsv.file().add(row("U-2", RIVIERA)).text().lines().skip(1).findFirst().orElseThrow() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Exchange> uploading = CompletableFuture.supplyAsync(() -> RawHttp.post(api.port(), "/imports",
                List.of("Content-Type: text/csv", "Content-Length: " + (first.length + rest.length)), out -> {
                    out.write(first);
                    out.flush();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    out.write(rest);
                }));
        try {
            awaitCopyInProgress();
            Reply second = importCsv("", fileWithOneBadRow().text());
            assertError(second, 429, "RATE_LIMITED");
            assertThat(second.header("Retry-After")).isEqualTo("10");
        } finally {
            release.countDown();
        }

        Reply done = uploading.get(30, TimeUnit.SECONDS).reply();
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertCounts(done.json(), 2, 2, 0, 0, 2, 0);
        assertThat(importCsv("", fileWithOneBadRow().text()).status()).as("the next import runs").isEqualTo(200);
    }

    /** The first upload is being copied into its staging table: it holds the import slot. */
    private static void awaitCopyInProgress() throws InterruptedException {
        for (int tries = 0; tries < 500; tries++) {
            if (StoredRows.number("SELECT count(*) FROM pg_stat_activity WHERE query ILIKE 'COPY import_rows%'"
                    + " AND state = 'active'") > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no COPY into import_rows showed up in pg_stat_activity");
    }

    @Test
    void imported_deals_are_listed_grouped_and_read_one_by_one() {
        Reply imported = importCsv("", DealsCsv.file().add(
                row("D-1", HARBOUR), row("D-2", HARBOUR).prices("150.00", "200.00", "25"),
                row("D-3", RIVIERA).set(DealFileColumns.CATEGORIES, "luxury,Spa"), row("D-4", RIVIERA),
                row("D-5", CANAL)).text());
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);

        Reply listed = api.get("/deals?sort=id");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("page").get("total").asLong()).isEqualTo(5);
        List<String> refs = new ArrayList<>();
        listed.json().get("items").forEach(item -> refs.add(item.get("external_ref").asText()));
        assertThat(refs).containsExactly("D-1", "D-2", "D-3", "D-4", "D-5");
        assertThat(total("/deals?city=%20nice%20")).isEqualTo(2);

        Reply stats = api.get("/deals/stats");
        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        List<String> groups = new ArrayList<>();
        stats.json().forEach(group -> groups.add(group.get("city").asText() + ":" + group.get("deal_count").asLong()
                + ":" + group.get("min_price").decimalValue().stripTrailingZeros().toPlainString()
                + ":" + group.get("max_price").decimalValue().stripTrailingZeros().toPlainString()));
        assertThat(groups).containsExactly("Nice:2:129.99:129.99", "Toronto:2:129.99:150", "Amsterdam:1:129.99:129.99");

        long id = listed.json().get("items").get(2).get("id").asLong();
        Reply one = api.get("/deals/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.etag()).isEqualTo("\"1\"");
        JsonNode deal = one.json();
        assertThat(deal.get("external_ref").asText()).isEqualTo("D-3");
        assertThat(deal.get("hotel").get("name").asText()).isEqualTo("Riviera Palace");
        assertThat(deal.get("hotel").get("star_rating").asInt()).isEqualTo(5);
        assertThat(deal.get("price_per_night").decimalValue()).isEqualByComparingTo("129.99");
        assertThat(deal.get("discount_percent").asInt()).isEqualTo(35);
        assertThat(deal.get("nights").asInt()).isEqualTo(3);
        assertThat(deal.get("categories").toString()).isEqualTo("[\"luxury\",\"spa\"]");
        assertThat(deal.get("version").asLong()).isEqualTo(1);
        assertThat(deal.get("created_at").asText()).isEqualTo(CREATED_AT);
        assertThat(api.get("/deals/" + id + "/price-history").json().get("items")).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    private static Reply importCsv(String query, String csv) {
        return api.send("POST", "/imports" + query, BodyPublishers.ofString(csv), "Content-Type", "text/csv");
    }

    private static long total(String path) {
        Reply page = api.get(path);
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        return page.json().get("page").get("total").asLong();
    }

    private static void assertCounts(JsonNode report, long read, long created, long updated, long unchanged,
                                     long hotels, long rejected) {
        List<String> counts = List.of("rows_read", "deals_created", "deals_updated", "deals_unchanged",
                "hotels_created", "rejected");
        counts.forEach(name -> assertThat(report.get(name).isIntegralNumber()).as(name + " in " + report).isTrue());
        assertThat(counts.stream().map(name -> report.get(name).asLong()).toList()).as(report.toString())
                .containsExactly(read, created, updated, unchanged, hotels, rejected);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String[] withExtra(String column) {
        List<String> columns = new ArrayList<>(DealFileColumns.ALL);
        columns.add(column);
        return columns.toArray(String[]::new);
    }

    /**
     * A valid deals file of about {@code bytes} bytes, generated as it is sent: rows of one hotel,
     * each padded to 64 KiB with blanks around its discount (which the import trims away), so the
     * stream is large while the rows stay few.
     */
    private static Iterable<byte[]> paddedRows(long bytes) {
        String padding = " ".repeat(64 * 1024);
        return () -> new Iterator<>() {
            private long sent;
            private int rows;

            @Override
            public boolean hasNext() {
                return sent < bytes;
            }

            @Override
            public byte[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String text = rows++ == 0 ? DealsCsv.header() + "\n"
                        : row("P-%06d".formatted(rows), HARBOUR).set(DealFileColumns.DISCOUNT_PERCENT, "35" + padding)
                                .csv() + "\n";
                byte[] chunk = text.getBytes(StandardCharsets.UTF_8);
                sent += chunk.length;
                return chunk;
            }
        };
    }
}
