package io.deals.adapters.persistence.retention;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.event.EventsGoneException;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.event.port.in.EventPage;
import io.deals.application.event.port.out.EventLog;
import io.deals.application.event.service.EventQueryService;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.retention.port.in.PruneReport;
import io.deals.application.retention.port.out.Pruning;
import io.deals.application.retention.service.PruneService;
import io.deals.application.shared.port.out.Clock;
import io.deals.domain.hotel.HotelDraft;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.deals.adapters.persistence.PersistenceFixture.count;
import static io.deals.adapters.persistence.PersistenceFixture.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention: published events past their time and expired idempotency keys go, a batch at a time. */
class PruningIT {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Clock CLOCK = () -> NOW;

    private final PersistenceFixture db = new PersistenceFixture();
    private final Pruning pruning = PersistenceFixture.injector(TestDatabase.dataSource()).getInstance(Pruning.class);
    private final EventQueryService feed = new EventQueryService(
            PersistenceFixture.injector(TestDatabase.dataSource()).getInstance(EventLog.class));

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    /** Hotels 1..n, each with its created event, occurred {@code age} before now. */
    private void eventsAged(int n, Duration age) {
        long before = count("outbox_events");
        for (int i = 0; i < n; i++) {
            db.createHotelService().create(new CreateHotelCommand(
                    new HotelDraft("Hotel " + count("hotels"), "Lisbon", "Portugal", "+35121000" + (1000 + count("hotels")), 4)));
        }
        TestDatabase.execute("UPDATE outbox_events SET occurred_at = '" + NOW.minus(age) + "' WHERE seq > " + before);
    }

    private PruneReport prune(Duration retention) {
        return new PruneService(pruning, CLOCK, retention).prune();
    }

    @Test
    void deletes_events_past_retention_oldest_first_and_marks_how_far() {
        eventsAged(3, Duration.ofDays(8));
        eventsAged(2, Duration.ofDays(1));

        PruneReport pruned = prune(Duration.ofDays(7));

        assertThat(pruned.events()).isEqualTo(3);
        assertThat(query("SELECT seq FROM outbox_events ORDER BY seq")).extracting(r -> r.get("seq"))
                .containsExactly(4L, 5L);
        assertThat(query("SELECT deleted_through FROM event_retention").get(0).get("deleted_through")).isEqualTo(3L);
    }

    @Test
    void keeps_events_a_relay_has_not_published_yet() {
        eventsAged(5, Duration.ofDays(8));
        TestDatabase.execute("INSERT INTO event_relays (name, position, updated_at) VALUES ('kafka', 2, now())");

        assertThat(prune(Duration.ofDays(7)).events()).isEqualTo(2);

        assertThat(count("outbox_events")).isEqualTo(3);
    }

    @Test
    void works_off_a_backlog_in_batches_of_a_thousand() {
        eventsAged(1, Duration.ofDays(8));
        TestDatabase.execute("INSERT INTO outbox_events (aggregate_type, aggregate_id, event_type, payload, occurred_at) "
                + "SELECT 'hotel', 1, 'deals.hotel.updated', '{}', '" + NOW.minus(Duration.ofDays(30)) + "' "
                + "FROM generate_series(1, 2500)");

        assertThat(prune(Duration.ofDays(7)).events()).isEqualTo(2501);
        assertThat(count("outbox_events")).isZero();
    }

    @Test
    void a_reader_behind_the_deleted_events_is_told_they_are_gone_and_a_new_reader_starts_at_the_oldest_kept() {
        eventsAged(3, Duration.ofDays(8));
        eventsAged(2, Duration.ofDays(1));
        prune(Duration.ofDays(7));

        assertThatThrownBy(() -> feed.page(2L, 10, EventFilter.ALL)).isInstanceOf(EventsGoneException.class);
        EventPage fromStart = feed.page(null, 10, EventFilter.ALL);
        assertThat(fromStart.items()).extracting(ChangeEvent::seq).containsExactly(4L, 5L);
        assertThat(fromStart.nextAfter()).isEqualTo(5);
        assertThat(feed.page(3L, 10, EventFilter.ALL).items()).hasSize(2);
    }

    @Test
    void an_empty_feed_after_pruning_everything_continues_from_the_mark() {
        eventsAged(2, Duration.ofDays(8));
        prune(Duration.ofDays(7));

        EventPage empty = feed.page(null, 10, EventFilter.ALL);

        assertThat(empty.items()).isEmpty();
        assertThat(empty.nextAfter()).isEqualTo(2);
        assertThat(feed.page(empty.nextAfter(), 10, EventFilter.ALL).items()).isEmpty();
    }

    @Test
    void deletes_idempotency_keys_older_than_a_day_only() {
        TestDatabase.execute("INSERT INTO idempotency_keys (scope, key, fingerprint, resource_id, created_at) VALUES "
                + "('deals', 'old', repeat('a', 64), 1, '" + NOW.minus(Duration.ofHours(25)) + "'), "
                + "('deals', 'fresh', repeat('b', 64), 2, '" + NOW.minus(Duration.ofHours(23)) + "')");

        assertThat(prune(Duration.ofDays(7)).idempotencyKeys()).isEqualTo(1);

        assertThat(query("SELECT key FROM idempotency_keys")).extracting(r -> r.get("key")).containsExactly("fresh");
    }

    @Test
    void deletes_only_an_unbroken_run_from_the_oldest_so_a_new_reader_skips_nothing() {
        eventsAged(2, Duration.ofDays(8));
        eventsAged(1, Duration.ofDays(1));
        // An import commits last but stamps its events with its start: older times, higher seqs.
        eventsAged(2, Duration.ofDays(9));

        assertThat(prune(Duration.ofDays(7)).events()).isEqualTo(2);

        assertThat(query("SELECT seq FROM outbox_events ORDER BY seq")).extracting(r -> r.get("seq"))
                .containsExactly(3L, 4L, 5L);
        assertThat(feed.page(null, 10, EventFilter.ALL).items()).extracting(ChangeEvent::seq)
                .containsExactly(3L, 4L, 5L);
        assertThat(feed.page(2L, 10, EventFilter.ALL).items()).hasSize(3);
    }
}
