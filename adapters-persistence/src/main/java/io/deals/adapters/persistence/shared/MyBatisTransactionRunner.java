package io.deals.adapters.persistence.shared;

import io.deals.application.shared.StorageUnavailableException;
import io.deals.application.shared.port.out.TransactionRunner;
import jakarta.inject.Inject;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSessionManager;

import java.util.function.Supplier;

/**
 * One MyBatis session per transaction, bound to the calling thread, so every mapper used by
 * the work joins it. Work already inside a transaction simply joins the outer one. The events the
 * work recorded are appended last, right before the commit.
 */
public final class MyBatisTransactionRunner implements TransactionRunner {

    private final SqlSessionManager sessions;
    private final MyBatisEventOutbox outbox;

    @Inject
    public MyBatisTransactionRunner(SqlSessionManager sessions, MyBatisEventOutbox outbox) {
        this.sessions = sessions;
        this.outbox = outbox;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (sessions.isManagedSessionStarted()) {
            return work.get();
        }
        // PostgreSQL's default, READ COMMITTED, is what the conditional updates rely on; naming it
        // here would cost two round trips a transaction (set, and HikariCP's reset on return).
        sessions.startManagedSession(ExecutorType.SIMPLE);
        try {
            T result = work.get();
            outbox.flush();
            // Forced: MyBatis skips the commit when only <select> statements ran, and an
            // UPDATE ... RETURNING is mapped as one.
            sessions.commit(true);
            return result;
        } catch (RuntimeException failure) {
            rollbackQuietly(failure);
            throw PostgresErrors.isUnreachable(failure)
                    ? new StorageUnavailableException("the database cannot be reached", failure)
                    : failure;
        } finally {
            outbox.clear();
            sessions.close();
        }
    }

    private void rollbackQuietly(RuntimeException failure) {
        try {
            sessions.rollback(true);
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
