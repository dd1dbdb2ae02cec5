package io.deals.adapters.persistence.event;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.event.port.out.EventSignals;
import io.deals.application.hotel.port.in.CreateHotelCommand;
import io.deals.domain.hotel.HotelDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.deals.adapters.persistence.PersistenceFixture.count;
import static org.assertj.core.api.Assertions.assertThat;

/** LISTEN on the real database: commits are heard, a broken connection is replaced, closing lets go. */
class PostgresEventSignalsIT {

    private static final String LISTENING = "SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN deals_events'";
    private static final String BREAK = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN deals_events'";

    private final PersistenceFixture db = new PersistenceFixture();
    private final EventSignals signals = PersistenceFixture.injector(TestDatabase.dataSource())
            .getInstance(EventSignals.class);
    private final BlockingQueue<Boolean> heard = new LinkedBlockingQueue<>();
    private EventSignals.Listening listening;

    @BeforeEach
    void listen() throws InterruptedException {
        TestDatabase.reset();
        listening = signals.listen(() -> heard.add(true));
        assertThat(nextSignal()).as("the signal after connecting").isTrue();
    }

    @AfterEach
    void stop() {
        listening.close();
    }

    @Test
    void a_commit_that_appended_events_is_signalled() throws InterruptedException {
        createHotel("+351210000001");
        assertThat(nextSignal()).isTrue();
        createHotel("+351210000002");
        assertThat(nextSignal()).isTrue();
    }

    @Test
    void after_the_connection_breaks_it_listens_again_and_signals_at_once_for_what_it_may_have_missed()
            throws InterruptedException {
        TestDatabase.execute(BREAK);
        assertThat(nextSignal()).as("the signal after reconnecting, with no commit").isTrue();
        createHotel("+351210000003");
        assertThat(nextSignal()).as("commits heard on the new connection").isTrue();
    }

    @Test
    void a_connection_that_worked_again_is_retried_as_quickly_as_the_first_time_when_it_breaks_again()
            throws InterruptedException {
        Logger logger = (Logger) LoggerFactory.getLogger(PostgresEventSignals.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try {
            TestDatabase.execute(BREAK);
            assertThat(nextSignal()).as("the signal after the first reconnection").isTrue();
            TestDatabase.execute(BREAK);
            assertThat(nextSignal()).as("the signal after the second reconnection").isTrue();
        } finally {
            logger.detachAppender(warnings);
        }
        // Each warning announces the pause before reconnecting: the second outage must not inherit a grown one.
        List<Object> pauses = warnings.list.stream().map(warning -> warning.getArgumentArray()[0]).toList();
        assertThat(pauses).hasSize(2);
        assertThat(pauses.get(1)).isEqualTo(pauses.get(0));
    }

    @Test
    void closing_stops_the_thread_and_leaves_no_connection_listening() throws InterruptedException {
        assertThat(PersistenceFixture.query(LISTENING).get(0).get("count")).isEqualTo(1L);
        listening.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("deals-event-signals"));
        assertThat(PersistenceFixture.query(LISTENING).get(0).get("count")).isEqualTo(0L);
    }

    private void createHotel(String phone) {
        long before = count("outbox_events");
        db.createHotelService().create(new CreateHotelCommand(new HotelDraft("Hotel " + phone, "Lisbon", "Portugal",
                phone, 4)));
        assertThat(count("outbox_events")).isEqualTo(before + 1);
    }

    private Boolean nextSignal() throws InterruptedException {
        return heard.poll(20, TimeUnit.SECONDS);
    }
}
