package io.deals.application.shared;

import io.deals.domain.shared.Version;
import io.deals.domain.shared.VersionConflictException;

/**
 * A delete removes the version it read, so that its event carries exactly what was removed. When
 * the client named no version, a writer slipping in between is no conflict of the client's: read
 * again and remove that version, inside the same transaction (each statement sees what has
 * committed since), a bounded number of times.
 */
public final class UnconditionalDelete {

    private static final int ATTEMPTS = 10;

    private UnconditionalDelete() {
    }

    /** Runs {@code readAndRemove} once if {@code expected} is given, else until it removes an unchanged version. */
    public static void run(Version expected, Runnable readAndRemove) {
        for (int attempt = 1; ; attempt++) {
            try {
                readAndRemove.run();
                return;
            } catch (VersionConflictException changedMeanwhile) {
                if (expected != null || attempt == ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }
}
