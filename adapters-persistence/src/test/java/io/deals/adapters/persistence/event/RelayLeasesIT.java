package io.deals.adapters.persistence.event;

import io.deals.adapters.persistence.PersistenceFixture;
import io.deals.adapters.persistence.testing.TestDatabase;
import io.deals.application.event.RelayLeaseLostException;
import io.deals.application.event.port.out.RelayLease;
import io.deals.application.event.port.out.RelayLeases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relay leases on the test database: one holder per name at a time, positions that survive the lease. */
class RelayLeasesIT {

    private static final String HOLDERS = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND classid = " + PostgresRelayLeases.LOCK_CLASS + " AND objsubid = 2";
    private static final String KILL_HOLDERS = "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory'"
            + " AND classid = " + PostgresRelayLeases.LOCK_CLASS + " AND objsubid = 2";

    private final RelayLeases leases = PersistenceFixture.injector(TestDatabase.dataSource()).getInstance(RelayLeases.class);

    @BeforeEach
    void reset() {
        TestDatabase.reset();
    }

    @Test
    void a_name_is_leased_to_one_holder_at_a_time_and_free_again_once_given_up() {
        try (RelayLease first = leases.tryAcquire("kafka").orElseThrow()) {
            assertThat(leases.tryAcquire("kafka")).isEmpty();
            try (RelayLease other = leases.tryAcquire("other").orElseThrow()) {
                assertThat(other.held()).isTrue();
            }
            assertThat(first.held()).isTrue();
        }
        try (RelayLease again = leases.tryAcquire("kafka").orElseThrow()) {
            assertThat(again.held()).isTrue();
        }
        assertThat(number(HOLDERS)).as("advisory locks left on pooled connections").isZero();
    }

    @Test
    void the_first_lease_registers_the_relay_at_position_zero_and_later_ones_resume_where_it_advanced() {
        assertThat(leases.position("kafka")).isZero();
        try (RelayLease lease = leases.tryAcquire("kafka").orElseThrow()) {
            assertThat(lease.position()).isZero();
            assertThat(number("SELECT count(*) FROM event_relays WHERE name = 'kafka' AND position = 0")).isEqualTo(1);
            lease.advance(42);
            assertThat(leases.position("kafka")).as("read without the lease").isEqualTo(42);
        }
        try (RelayLease lease = leases.tryAcquire("kafka").orElseThrow()) {
            assertThat(lease.position()).isEqualTo(42);
        }
    }

    @Test
    void a_lease_whose_connection_dies_is_lost_it_stores_nothing_and_another_holder_can_take_it() {
        try (RelayLease lease = leases.tryAcquire("kafka").orElseThrow()) {
            lease.advance(7);

            assertThat(number(KILL_HOLDERS)).isEqualTo(1);

            assertThat(lease.held()).isFalse();
            assertThatThrownBy(() -> lease.advance(8)).isInstanceOf(RelayLeaseLostException.class);
            Optional<RelayLease> successor = leases.tryAcquire("kafka");
            assertThat(successor).isPresent();
            try (RelayLease next = successor.get()) {
                assertThat(next.position()).isEqualTo(7);
            }
        }
    }

    private static long number(String sql) {
        try (Connection connection = TestDatabase.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
