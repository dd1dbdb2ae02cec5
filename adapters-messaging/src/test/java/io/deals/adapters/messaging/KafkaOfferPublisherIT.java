package io.deals.adapters.messaging;

import io.deals.adapters.messaging.KafkaOfferPublisher.Published;
import io.deals.adapters.messaging.testing.TestBroker;
import io.deals.application.imports.DealFileRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The offer publisher against a real broker in this JVM, one for the class; each test has deal ids of its own. */
class KafkaOfferPublisherIT {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static TestBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void publishes_each_record_under_its_deal_id_without_blanks_to_a_topic_of_six_partitions() {
        List<DealFileRecord> records = List.of(record(2, "A-1", "80.50"), record(3, " A-2 ", "90.00"),
                record(4, "A-1", "75.00"), record(5, "A-3", "12,50"));

        Published published;
        try (KafkaOfferPublisher publisher = KafkaOfferPublisher.open(broker.bootstrapServers(), PATIENCE)) {
            records.forEach(publisher::send);
            published = publisher.flush();
        }

        assertThat(published).isEqualTo(new Published(4, 4, 0, Optional.empty()));
        assertThat(broker.partitions("deals.offers")).isEqualTo(6);
        List<ConsumerRecord<String, String>> mine = offersWithKeys(Set.of("A-1", "A-2", "A-3"), 4);
        assertThat(mine).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("A-1", "A-1", "A-2", "A-3");
        assertThat(mine.stream().filter(offer -> offer.key().equals("A-1")).map(ConsumerRecord::value))
                .as("one deal's offers in the order sent")
                .containsExactly(json(records.get(0)), json(records.get(2)));
        Map<String, DealFileRecord> sentByValue = records.stream()
                .collect(Collectors.toMap(KafkaOfferPublisherIT::json, record -> record));
        for (ConsumerRecord<String, String> offer : mine) {
            DealFileRecord sent = sentByValue.get(offer.value());
            assertThat(sent).as("an offer as written for its record").isNotNull();
            assertThat(PublishedOffers.read(sent.line(), offer.key(), offer.value())).isEqualTo(sent);
        }
    }

    @Test
    void counts_an_offer_the_broker_never_acknowledges_and_sends_no_more() {
        try (KafkaOfferPublisher publisher = KafkaOfferPublisher.open(broker.bootstrapServers(), PATIENCE)) {
            broker.stopBroker();
            try {
                publisher.send(record(2, "B-1", "80.00"));
                Published published = publisher.flush();

                assertThat(published.sent()).isEqualTo(1);
                assertThat(published.acknowledged()).isZero();
                assertThat(published.failed()).isEqualTo(1);
                assertThat(published.firstFailure()).isPresent();
                assertThatThrownBy(() -> publisher.send(record(3, "B-2", "80.00")))
                        .isInstanceOf(OfferPublishingException.class)
                        .hasMessageContaining("no more are sent");
                assertThat(publisher.published().sent()).isEqualTo(1);
            } finally {
                broker.startBroker();
            }
        }
    }

    @Test
    void a_broker_that_does_not_answer_fails_the_opening_once_its_patience_is_over() throws IOException {
        String nobody;
        try (ServerSocket closedSoon = new ServerSocket(0)) {
            nobody = "127.0.0.1:" + closedSoon.getLocalPort();
        }

        assertThatThrownBy(() -> KafkaOfferPublisher.open(nobody, Duration.ofSeconds(2)))
                .isInstanceOf(OfferPublishingException.class)
                .hasMessage("Kafka at " + nobody + " did not answer within 2 s");
    }

    private static List<ConsumerRecord<String, String>> offersWithKeys(Set<String> keys, int count) {
        return broker.records("deals.offers", records -> records.stream()
                        .filter(record -> keys.contains(record.key())).count() >= count)
                .stream().filter(record -> keys.contains(record.key())).toList();
    }

    private static String json(DealFileRecord record) {
        return new String(OfferJson.write(record), StandardCharsets.UTF_8);
    }

    private static DealFileRecord record(long line, String dealId, String price) {
        return new DealFileRecord(line, true, dealId, "Hotel Sol", "Lisbon", "Portugal", "+351 210 000 000", "4",
                "Double", price, "100.00", "", "2027-06-01", "2027-06-04", "true", "beach", null);
    }
}
