package io.deals.bootstrap;

import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.deal.port.in.CreateDealCommand;
import io.deals.application.event.EventListener;
import io.deals.application.event.EventSubscription;
import io.deals.application.event.EventsGoneException;
import io.deals.application.event.port.in.ChangeEvent;
import io.deals.application.event.port.in.EventFilter;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.application.hotel.port.in.HotelView;
import io.deals.domain.deal.DealDraft;
import io.deals.domain.hotel.HotelDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Following the feed through the embedding facade: a callback from a position, and a close that stops it all. */
class EventSubscriptionIT extends EmbeddedDealsTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String SIGNALS_THREAD = "deals-event-signals";

    private Deals follower;

    @BeforeEach
    void embedFollower() {
        follower = Deals.embed(TestDatabase.dataSource(), Deals.Schema.AS_IS);
    }

    @AfterEach
    void closeFollower() {
        follower.close();
    }

    @Test
    void a_program_gets_the_recorded_events_after_its_position_then_each_change_as_it_commits() throws Exception {
        HotelView hotel = createHotel("+14165550100");
        createDeal(hotel, "D-1");
        Recorder all = new Recorder();
        Recorder dealsCreatedAfterOne = new Recorder();
        follower.subscribe(null, EventFilter.ALL, all);
        follower.subscribe(1L, new EventFilter(Set.of("deals.deal.created"), null), dealsCreatedAfterOne);
        assertThat(seqs(all.take(2))).containsExactly(1L, 2L);
        assertThat(seqs(dealsCreatedAfterOne.take(1))).containsExactly(2L);

        createDeal(hotel, "D-2");
        createHotel("+14165550101");
        List<ChangeEvent> live = all.take(2);
        assertThat(seqs(live)).containsExactly(3L, 4L);
        assertThat(live).extracting(ChangeEvent::type).containsExactly("deals.deal.created", "deals.hotel.created");
        assertThat(seqs(dealsCreatedAfterOne.take(1))).containsExactly(3L);
        assertThat(live.stream().map(ChangeEvent::cloudEvent).collect(Collectors.toList()))
                .as("the same events the feed pages")
                .isEqualTo(deals.events().page(2L, 10, EventFilter.ALL).items().stream().map(ChangeEvent::cloudEvent)
                        .toList());
    }

    @Test
    void a_position_retention_has_passed_is_refused_at_once() {
        createDeal(createHotel("+14165550100"), "D-1");
        TestDatabase.execute("DELETE FROM outbox_events WHERE seq <= 1");
        TestDatabase.execute("UPDATE event_retention SET deleted_through = 1");
        assertThatThrownBy(() -> follower.subscribe(0L, EventFilter.ALL, new Recorder()))
                .isInstanceOf(EventsGoneException.class);
    }

    @Test
    void a_listener_that_throws_is_dropped_and_told_and_the_others_go_on() throws Exception {
        Recorder failing = new Recorder() {
            @Override
            public void onEvent(ChangeEvent event) {
                throw new IllegalStateException("the program's bug");
            }
        };
        Recorder healthy = new Recorder();
        follower.subscribe(null, EventFilter.ALL, failing);
        follower.subscribe(null, EventFilter.ALL, healthy);
        createHotel("+14165550100");
        assertThat(failing.end.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(EventListener.End.LISTENER_FAILED);
        assertThat(seqs(healthy.take(1))).containsExactly(1L);
        createHotel("+14165550101");
        assertThat(seqs(healthy.take(1))).containsExactly(2L);
    }

    @Test
    void the_database_is_listened_to_from_the_first_subscription_until_close_which_ends_every_subscription()
            throws Exception {
        Set<Thread> before = signalThreads();
        Recorder recorder = new Recorder();
        EventSubscription closedByItsOwner = follower.subscribe(null, EventFilter.ALL, new Recorder());
        follower.subscribe(null, EventFilter.ALL, recorder);
        Set<Thread> started = signalThreads();
        started.removeAll(before);
        assertThat(started).hasSize(1);
        closedByItsOwner.close();

        follower.close();
        assertThat(recorder.end.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(EventListener.End.STOPPED);
        assertThat(started).noneMatch(Thread::isAlive);
        assertThatThrownBy(() -> follower.subscribe(null, EventFilter.ALL, new Recorder()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void embedding_without_subscribing_starts_no_thread() {
        Set<Thread> before = signalThreads();
        try (Deals quiet = Deals.embed(TestDatabase.dataSource(), Deals.Schema.AS_IS)) {
            createHotel("+14165550100");
            assertThat(quiet.events().page(null, 10, EventFilter.ALL).items()).hasSize(1);
            assertThat(signalThreads()).isEqualTo(before);
        }
    }

    private static Set<Thread> signalThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(SIGNALS_THREAD))
                .collect(Collectors.toSet());
    }

    private static HotelView createHotel(String phone) {
        return deals.createHotel().create(new CreateHotelCommand(new HotelDraft("Hotel " + phone, "Toronto", "Canada",
                phone, 4)));
    }

    private static void createDeal(HotelView hotel, String externalRef) {
        deals.createDeal().create(new CreateDealCommand(new DealDraft(hotel.id(), "Deluxe",
                new BigDecimal("129.99"), new BigDecimal("199.99"), null, LocalDate.of(2027, 12, 1),
                LocalDate.of(2027, 12, 4), true, List.of("beach"), externalRef)));
    }

    private static List<Long> seqs(List<ChangeEvent> events) {
        return events.stream().map(ChangeEvent::seq).toList();
    }

    private static class Recorder implements EventListener {

        final BlockingQueue<ChangeEvent> events = new LinkedBlockingQueue<>();
        final CompletableFuture<End> end = new CompletableFuture<>();

        @Override
        public void onEvent(ChangeEvent event) {
            events.add(event);
        }

        @Override
        public void onEnd(End why) {
            end.complete(why);
        }

        List<ChangeEvent> take(int n) throws InterruptedException {
            List<ChangeEvent> taken = new ArrayList<>();
            while (taken.size() < n) {
                ChangeEvent event = events.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(event).as("event %d of %d", taken.size() + 1, n).isNotNull();
                taken.add(event);
            }
            return taken;
        }
    }
}
