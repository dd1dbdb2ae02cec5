package io.deals.adapters.persistence.shared;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.deal.port.in.DealView;
import io.deals.application.shared.IdempotencyKeyReusedException;
import io.deals.application.shared.port.in.IdempotencyKey;
import io.deals.domain.deal.DealDraft;
import io.deals.domain.hotel.Hotel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.deals.adapters.persistence.PersistenceFixture.count;
import static io.deals.adapters.persistence.PersistenceFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A create retried under the same idempotency key creates once and answers with what it created. */
class IdempotentCreationIT {

    /** Fingerprints are SHA-256 hex digests of the request body. */
    private static final String BODY_A = "a".repeat(64);
    private static final String BODY_B = "b".repeat(64);

    private final PersistenceFixture db = new PersistenceFixture();
    private Hotel hotel;

    @BeforeEach
    void reset() {
        TestDatabase.reset();
        hotel = db.addHotel();
    }

    @Test
    void a_retry_with_the_same_key_and_body_returns_the_first_deal_without_creating_another() {
        IdempotencyKey key = new IdempotencyKey("deals", "retry-1", BODY_A);

        DealView first = db.createDealService().create(new CreateDealCommand(deal(), key));
        DealView retry = db.createDealService().create(new CreateDealCommand(deal(), key));

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(count("deals")).isEqualTo(1);
        assertThat(count("outbox_events")).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_body_is_refused_and_creates_nothing() {
        db.createDealService().create(new CreateDealCommand(deal(), new IdempotencyKey("deals", "k", BODY_A)));

        assertThatThrownBy(() -> db.createDealService().create(
                new CreateDealCommand(deal(), new IdempotencyKey("deals", "k", BODY_B))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(count("deals")).isEqualTo(1);
    }

    @Test
    void keys_are_scoped_so_a_hotel_key_does_not_answer_for_a_deal() {
        db.createDealService().create(new CreateDealCommand(deal(), new IdempotencyKey("hotels", "shared", BODY_A)));
        db.createDealService().create(new CreateDealCommand(deal(), new IdempotencyKey("deals", "shared", BODY_A)));

        assertThat(count("deals")).isEqualTo(2);
    }

    @Test
    void concurrent_retries_with_one_key_create_exactly_one_deal() throws Exception {
        IdempotencyKey key = new IdempotencyKey("deals", "burst", BODY_A);
        Callable<Long> create = () -> db.createDealService().create(new CreateDealCommand(deal(), key)).id();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> results = threads.invokeAll(List.of(create, create, create, create));
            long firstId = results.get(0).get();
            for (Future<Long> result : results) {
                assertThat(result.get()).isEqualTo(firstId);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("deals")).isEqualTo(1);
    }

    private DealDraft deal() {
        return draft(hotel.id().value()).externalRef(null).build();
    }
}
