package io.deals.adapters.messaging;

import io.deals.adapters.messaging.testing.TestBroker;
import io.deals.application.event.EventPublishingException;
import io.deals.application.event.port.in.ChangeEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publisher against a real broker in this JVM, one for the whole class (each test adds to the topic). */
class KafkaEventPublisherIT {

    private static TestBroker broker;
    private static int published;

    private final KafkaEventPublisher publisher = new KafkaEventPublisher(broker.bootstrapServers());

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void closePublisher() {
        publisher.close();
    }

    @Test
    void publishes_each_event_under_its_key_with_the_cloud_event_as_value_to_a_topic_of_six_partitions() {
        List<ChangeEvent> events = List.of(event(1, "hotel", 12), event(2, "deal", 1017), event(3, "deal", 1017),
                event(4, "deal", 1018));

        publish(events);

        assertThat(broker.partitions(Topics.EVENTS)).isEqualTo(6);
        List<ConsumerRecord<String, String>> records = everythingPublished();
        Map<String, String> valueById = events.stream()
                .collect(Collectors.toMap(event -> event.id().toString(), ChangeEvent::cloudEvent));
        List<ConsumerRecord<String, String>> mine = records.stream()
                .filter(record -> valueById.containsValue(record.value()))
                .toList();
        assertThat(mine).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder("hotel-12", "deal-1017", "deal-1017", "deal-1018");
        assertThat(mine).extracting(ConsumerRecord::value)
                .containsExactlyInAnyOrderElementsOf(events.stream().map(ChangeEvent::cloudEvent).toList());
        for (ConsumerRecord<String, String> record : mine) {
            Header contentType = record.headers().lastHeader("content-type");
            assertThat(new String(contentType.value(), StandardCharsets.UTF_8)).isEqualTo("application/cloudevents+json");
        }
        assertThat(mine.stream().filter(record -> record.key().equals("deal-1017")).map(ConsumerRecord::value))
                .as("one key's events, in offset order")
                .containsExactly(events.get(1).cloudEvent(), events.get(2).cloudEvent());
    }

    @Test
    void keeps_the_order_of_every_key_over_a_large_batch() {
        List<ChangeEvent> events = IntStream.rangeClosed(1, 5_000)
                .mapToObj(seq -> event(10_000 + seq, "deal", seq % 50))
                .toList();

        publish(events);

        Map<String, List<Long>> seqsByKey = everythingPublished().stream()
                .filter(record -> record.value().contains("\"seq\":1"))
                .collect(Collectors.groupingBy(ConsumerRecord::key,
                        Collectors.mapping(record -> seq(record.value()), Collectors.toList())));
        assertThat(seqsByKey).hasSize(50);
        seqsByKey.values().forEach(seqs -> assertThat(seqs).hasSize(100).isSorted());
    }

    @Test
    void fails_within_bounded_time_while_the_broker_is_down_and_publishes_again_once_it_is_back() {
        publish(List.of(event(20_001, "hotel", 1)));
        assertThat(publisher.reachable()).isTrue();

        broker.stopBroker();
        try {
            assertThatThrownBy(() -> publisher.publish(List.of(event(20_002, "hotel", 1))))
                    .isInstanceOf(EventPublishingException.class);
            assertThat(publisher.reachable()).isFalse();
        } finally {
            broker.startBroker();
        }

        publish(List.of(event(20_003, "hotel", 1)));
        assertThat(publisher.reachable()).isTrue();
        assertThat(everythingPublished().stream()
                .filter(record -> record.key().equals("hotel-1"))
                .map(record -> seq(record.value())))
                .contains(20_001L, 20_003L);
    }

    private void publish(List<ChangeEvent> events) {
        publisher.publish(events);
        published += events.size();
    }

    /** The whole topic, once it holds every event this class published. */
    private static List<ConsumerRecord<String, String>> everythingPublished() {
        return broker.records(Topics.EVENTS, all -> all.size() >= published);
    }

    private static ChangeEvent event(long seq, String aggregate, long subject) {
        return new ChangeEvent(seq, UUID.randomUUID(), aggregate, subject, "deals." + aggregate + ".updated",
                Instant.parse("2026-11-22T10:15:30Z"), "{\"id\":" + subject + ",\"name\":\"caf\u00e9 \\\"x\\\"\"}");
    }

    private static long seq(String cloudEvent) {
        int start = cloudEvent.indexOf("\"seq\":") + 6;
        return Long.parseLong(cloudEvent.substring(start, cloudEvent.indexOf(',', start)));
    }
}
