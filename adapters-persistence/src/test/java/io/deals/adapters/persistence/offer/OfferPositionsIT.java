package io.deals.adapters.persistence.offer;

import com.google.inject.Injector;
import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.offer.OfferPositionMovedException;
import io.deals.application.offer.PartitionProgress;
import io.deals.application.offer.port.out.OfferPositions;
import io.deals.application.shared.port.out.TransactionRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Offer positions on the test database: a position moves only from where its consumer started, so
 * of two consumers that started a partition's batch from one position, only one may store where it got.
 */
class OfferPositionsIT {

    private static final String TOPIC = "deals.offers";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Sessions waiting for a row lock on offer_positions. */
    private static final String WAITING = "SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            + " AND (query ILIKE 'UPDATE offer_positions%' OR query ILIKE 'INSERT INTO offer_positions%')";

    /** One injector: the positions take part in its transactions. */
    private final Injector adapter = PersistenceFixture.injector(TestDatabase.dataSource());
    private final OfferPositions positions = adapter.getInstance(OfferPositions.class);
    private final TransactionRunner transactions = adapter.getInstance(TransactionRunner.class);

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    @Test
    void a_partition_without_a_stored_position_starts_one_and_stored_reads_only_the_partitions_asked() {
        assertThat(positions.stored(TOPIC, List.of(0, 1, 2))).isEmpty();

        advance(fromStart(0, 40), fromStart(2, 7));
        advance(new PartitionProgress("other.topic", 0, OptionalLong.empty(), 99));

        assertThat(positions.stored(TOPIC, List.of(0, 1, 2))).isEqualTo(Map.of(0, 40L, 2, 7L));
        assertThat(positions.stored(TOPIC, List.of(2))).isEqualTo(Map.of(2, 7L));
        assertThat(positions.stored("other.topic", List.of(0, 1))).isEqualTo(Map.of(0, 99L));
    }

    @Test
    void a_position_moves_from_where_it_is_stored() {
        advance(fromStart(3, 10));

        advance(from(3, 10, 25));
        advance(from(3, 25, 26));

        assertThat(positions.stored(TOPIC, List.of(3))).isEqualTo(Map.of(3, 26L));
    }

    @Test
    void a_move_from_a_stale_position_is_refused_and_the_transaction_stores_nothing_of_the_batch() {
        advance(fromStart(0, 10), fromStart(1, 20));

        assertThatThrownBy(() -> advance(from(0, 10, 15), from(1, 5, 30)))
                .isInstanceOf(OfferPositionMovedException.class)
                .hasMessageContaining("deals.offers-1");
        assertThatThrownBy(() -> advance(fromStart(0, 50)))
                .as("a first position where one is stored").isInstanceOf(OfferPositionMovedException.class);

        assertThat(positions.stored(TOPIC, List.of(0, 1))).isEqualTo(Map.of(0, 10L, 1, 20L));
    }

    @Test
    void of_two_transactions_moving_one_partition_from_the_same_position_the_second_waits_and_is_refused()
            throws Exception {
        advance(fromStart(4, 100));

        Race race = race(from(4, 100, 150), from(4, 100, 180));

        assertThat(race.second()).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(OfferPositionMovedException.class);
        assertThat(positions.stored(TOPIC, List.of(4))).isEqualTo(Map.of(4, 150L));
    }

    @Test
    void of_two_transactions_starting_one_partition_the_second_waits_and_is_refused() throws Exception {
        Race race = race(fromStart(5, 60), fromStart(5, 90));

        assertThat(race.second()).failsWithin(PATIENCE).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(OfferPositionMovedException.class);
        assertThat(positions.stored(TOPIC, List.of(5))).isEqualTo(Map.of(5, 60L));
    }

    /** The second transaction, once the first one's advance was committed. */
    private record Race(CompletableFuture<Void> second) {
    }

    /**
     * Runs {@code first} in a transaction held open until {@code second}, in another transaction,
     * waits for its lock; then commits the first.
     */
    private Race race(PartitionProgress first, PartitionProgress second) throws Exception {
        CountDownLatch commit = new CountDownLatch(1);
        CountDownLatch advanced = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            positions.advance(List.of(first));
            advanced.countDown();
            await(commit);
            return null;
        }));
        assertThat(advanced.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the first advanced").isTrue();
        CompletableFuture<Void> contender = CompletableFuture.runAsync(() -> advance(second));
        awaitWaitingForTheLock();
        assertThat(contender).as("waits for the first to commit").isNotDone();
        commit.countDown();
        holder.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return new Race(contender);
    }

    private void advance(PartitionProgress... progress) {
        transactions.inTransaction(() -> {
            positions.advance(List.of(progress));
            return null;
        });
    }

    private static PartitionProgress fromStart(int partition, long next) {
        return new PartitionProgress(TOPIC, partition, OptionalLong.empty(), next);
    }

    private static PartitionProgress from(int partition, long stored, long next) {
        return new PartitionProgress(TOPIC, partition, OptionalLong.of(stored), next);
    }

    private static void awaitWaitingForTheLock() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while ((Long) PersistenceFixture.query(WAITING).get(0).get("n") == 0) {
            if (System.nanoTime() > deadline) {
                fail("no transaction waited for a lock on offer_positions within " + PATIENCE);
            }
            await(Duration.ofMillis(20));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
