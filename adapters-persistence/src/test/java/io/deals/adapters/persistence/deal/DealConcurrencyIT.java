package io.deals.adapters.persistence.deal;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.PersistenceFixture.PatchBuilder;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.ChangeDealCommand;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.deal.service.ChangeDealService;
import io.deals.application.shared.port.out.Clock;
import io.deals.domain.deal.Deal;
import io.deals.domain.shared.Version;
import io.deals.domain.shared.VersionConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static io.deals.adapters.persistence.PersistenceFixture.outboxEvents;
import static io.deals.adapters.persistence.PersistenceFixture.patch;
import static io.deals.adapters.persistence.PersistenceFixture.pricePeriods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers that both read a deal at version 1 and then both write it: the conditional
 * UPDATE lets exactly one through, the other learns of the conflict, and nothing of it is stored.
 */
class DealConcurrencyIT {

    private static final List<String> ROOMS = List.of("Writer Zero Suite", "Writer One Suite");
    private static final List<String> PRICES = List.of("111.11", "99.99");

    private final PersistenceFixture db = new PersistenceFixture();
    private Deal deal;

    @BeforeEach
    void reset() {
        TestDatabase.reset();
        deal = db.addDeal(draft(db.addHotel().id().value()).build());
    }

    @Test
    void of_two_repository_writers_racing_from_version_1_exactly_one_wins() throws Exception {
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);

        List<Object> outcomes = race(writer -> () -> db.inTx(() -> {
            Deal current = db.deals.find(deal.id()).orElseThrow();
            assertThat(current.version()).isEqualTo(Version.INITIAL);
            await(bothHaveRead);
            db.deals.update(db.changed(current, patchFor(writer)), Version.INITIAL);
            return writer;
        }));

        int winner = winnerOf(outcomes);
        Deal stored = db.deals.find(deal.id()).orElseThrow();
        assertThat(stored.version()).isEqualTo(new Version(2));
        assertThat(stored.terms().roomType()).isEqualTo(ROOMS.get(winner));
        assertThat(stored.terms().pricePerNight().amount()).isEqualTo(new BigDecimal(PRICES.get(winner)));
        assertThat(stored.terms().categories().values()).containsExactly("writer " + winner);
        assertThat(pricePeriods(deal.id().value())).hasSize(2)
                .last().satisfies(p -> {
                    assertThat(p.pricePerNight()).isEqualTo(new BigDecimal(PRICES.get(winner)));
                    assertThat(p.validTo()).isNull();
                });
    }

    @Test
    void of_two_change_deal_services_racing_from_version_1_exactly_one_wins_and_records_one_update() throws Exception {
        CyclicBarrier bothHaveRead = new CyclicBarrier(2);
        // The service reads the clock after it has read and checked the deal and before it writes:
        // holding both there makes the two changes meet at the database, not at the version check.
        Clock meetingClock = () -> {
            await(bothHaveRead);
            return PersistenceFixture.TestClock.START.plusSeconds(60);
        };
        ChangeDealService service = db.changeDealService(meetingClock);

        List<Object> outcomes = race(writer -> () -> service.change(
                new ChangeDealCommand(deal.id(), Version.INITIAL, patch().roomType(ROOMS.get(writer)).build())));

        int winner = winnerOf(outcomes);
        DealView won = (DealView) outcomes.get(winner);
        assertThat(won.version()).isEqualTo(2);
        assertThat(won.roomType()).isEqualTo(ROOMS.get(winner));
        assertThat(db.deals.find(deal.id()).orElseThrow().terms().roomType()).isEqualTo(ROOMS.get(winner));
        // The deal was added through the repository, so the winner's update is the only event.
        assertThat(outboxEvents()).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("deals.deal.updated");
            assertThat(e.aggregateId()).isEqualTo(deal.id().value());
            assertThat(e.payload()).contains("\"room_type\": \"" + ROOMS.get(winner) + "\"", "\"version\": 2");
        });
    }

    private static PatchBuilder patchFor(int writer) {
        return patch().roomType(ROOMS.get(writer)).pricePerNight(PRICES.get(writer)).categories("writer " + writer);
    }

    /** Runs writers 0 and 1 at once; each outcome is what the writer returned or the exception it threw. */
    private static List<Object> race(IntFunction<Callable<Object>> writer) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = List.of(pool.submit(writer.apply(0)), pool.submit(writer.apply(1)));
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                try {
                    outcomes.add(future.get(30, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("a writer hung", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Asserts that exactly one writer won and the other got a version conflict; returns the winner. */
    private static int winnerOf(List<Object> outcomes) {
        List<Integer> winners = new ArrayList<>();
        for (int writer = 0; writer < outcomes.size(); writer++) {
            if (!(outcomes.get(writer) instanceof Throwable)) {
                winners.add(writer);
            }
        }
        assertThat(winners).as("writers that succeeded, outcomes %s", outcomes).hasSize(1);
        int winner = winners.get(0);
        assertThat(outcomes.get(1 - winner)).isInstanceOfSatisfying(VersionConflictException.class,
                e -> assertThat(e.code()).isEqualTo("VERSION_CONFLICT"));
        return winner;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other writer never arrived", e);
        }
    }
}
