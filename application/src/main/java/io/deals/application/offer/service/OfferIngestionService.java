package io.deals.application.offer.service;

import io.deals.application.imports.ImportPlan;
import io.deals.application.imports.RecordMerge;
import io.deals.application.imports.port.in.ImportError;
import io.deals.application.imports.port.out.DealImports;
import io.deals.application.offer.Offer;
import io.deals.application.offer.OfferBatch;
import io.deals.application.offer.OfferPosition;
import io.deals.application.offer.OfferPositionMovedException;
import io.deals.application.offer.RejectedOffer;
import io.deals.application.offer.port.in.OfferIngestionStatus;
import io.deals.application.offer.port.in.OfferQueries;
import io.deals.application.offer.port.out.OfferMonitor;
import io.deals.application.offer.port.out.OfferPositions;
import io.deals.application.offer.port.out.OfferSource;
import io.deals.application.shared.Backoff;
import io.deals.application.shared.port.out.Clock;
import io.deals.application.shared.port.out.TransactionRunner;
import io.deals.domain.shared.Violation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Applies the offers of a topic exactly as lenient import rows, each once.
 *
 * <p>A polled batch is one transaction: it first stores how far the batch takes each partition
 * (which fails if another consumer moved a position meanwhile), then merges the offers with the
 * import's own merge, sets the ones that cannot be applied aside on the dead-letter topic, and
 * commits. So the offsets and the offers' effects are committed together or not at all, and a
 * redelivered batch finds its positions already past it. Two offers for one deal in a batch merge
 * in rounds, in offset order, as if they had come one after the other; a batch that holds more
 * than {@link #MAX_ROUNDS} of one deal's offers is cut before the first beyond, which the next
 * batch reads. The events of every round go to the feed last, after the dead letters are sent, as
 * the feed's lock makes other writers wait until the commit.
 *
 * <p>When the database or the broker fails, the batch rolls back and is read again from the stored
 * positions after 1, 2, 4, 8, 8... s; nothing is skipped or set aside for a transient failure.
 */
public final class OfferIngestionService implements OfferQueries, AutoCloseable {

    /** How long to wait for the consumer's thread when stopping, before and after interrupting it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /**
     * At most this many offers of one deal in a transaction: each is a round, a whole merge, whose
     * temporary tables hold PostgreSQL's shared lock slots until the commit.
     */
    static final int MAX_ROUNDS = 8;

    /** How long a poll waits for offers, and how the consumer backs off. */
    record Pacing(Duration poll, Backoff backoff) {

        static final Pacing DEFAULT = new Pacing(Duration.ofMillis(200), Backoff.DEFAULT);
    }

    /** What a batch did. */
    private record Outcome(long applied, long unchanged, long deadLettered) {
    }

    private final OfferSource source;
    private final OfferPositions positions;
    private final DealImports imports;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final OfferMonitor monitor;
    private final Pacing pacing;
    private final Thread thread;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile String lastError;

    public OfferIngestionService(OfferSource source, OfferPositions positions, DealImports imports,
                                 TransactionRunner transactions, Clock clock, OfferMonitor monitor) {
        this(source, positions, imports, transactions, clock, monitor, Pacing.DEFAULT);
    }

    OfferIngestionService(OfferSource source, OfferPositions positions, DealImports imports,
                          TransactionRunner transactions, Clock clock, OfferMonitor monitor, Pacing pacing) {
        this.source = source;
        this.positions = positions;
        this.imports = imports;
        this.transactions = transactions;
        this.clock = clock;
        this.monitor = monitor;
        this.pacing = pacing;
        this.thread = new Thread(this::run, "deals-offers");
        this.thread.setDaemon(true);
    }

    /** Starts consuming on a thread of its own, which alone touches the source. */
    public void start() {
        thread.start();
    }

    @Override
    public OfferIngestionStatus status() {
        return new OfferIngestionStatus(source.lag(), Optional.ofNullable(lastError));
    }

    /**
     * Stops consuming and leaves the group: a batch in progress gets a few seconds to finish, then it
     * is interrupted (and rolls back, to be read again by whoever gets its partitions).
     */
    @Override
    public void close() {
        stopping.countDown();
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The consumer's loop. Should it end by anything but {@link #close()} (an {@link Error}, a
     * failure of the source itself), its reason stays as the last error, so that health reports the
     * offers down instead of a lag that no longer moves.
     */
    private void run() {
        try {
            consume();
        } catch (RuntimeException | Error fatal) {
            if (!stopped()) {
                lastError = "the consumer stopped: " + describe(fatal);
                monitor.stopped(fatal);
            }
        }
    }

    private void consume() {
        try (source) {
            source.subscribe(positions);
            int failures = 0;
            while (!stopped()) {
                try {
                    consumeOnce();
                    failures = 0;
                    lastError = null;
                } catch (OfferPositionMovedException moved) {
                    source.rewind();
                    monitor.overtaken(moved);
                } catch (RuntimeException failure) {
                    source.rewind();
                    Duration retryIn = pacing.backoff().delay(++failures);
                    lastError = describe(failure);
                    monitor.failed(failure, retryIn);
                    pause(retryIn);
                }
            }
        }
    }

    private void consumeOnce() {
        OfferBatch polled = source.poll(pacing.poll());
        if (polled.isEmpty()) {
            return;
        }
        OfferBatch batch = polled.cutAt(beyondRounds(polled.offers()));
        Outcome outcome = transactions.inTransaction(() -> apply(batch));
        source.committed(batch);
        if (batch != polled) {
            // What was cut off is read again from the positions just stored.
            source.rewind();
        }
        monitor.applied(outcome.applied(), outcome.unchanged(), outcome.deadLettered());
    }

    /** The batch's whole effect, in the caller's transaction: positions first, so a second consumer waits here. */
    private Outcome apply(OfferBatch batch) {
        positions.advance(batch.progress());
        Map<OfferPosition, List<Violation>> reasons = new HashMap<>();
        long applied = 0;
        long unchanged = 0;
        List<List<Offer>> rounds = rounds(batch.offers());
        for (List<Offer> round : rounds) {
            Map<Long, OfferPosition> byLine = new HashMap<>();
            try (RecordMerge merge = new RecordMerge(imports, clock.now())) {
                for (Offer offer : round) {
                    List<Violation> violations = merge.stage(offer.fields());
                    if (violations.isEmpty()) {
                        byLine.put(offer.fields().line(), offer.position());
                    } else {
                        reasons.put(offer.position(), violations);
                    }
                }
                ImportPlan plan = merge.plan(clock, round.size());
                for (ImportError error : plan.errors()) {
                    reasons.computeIfAbsent(byLine.get(error.line()), position -> new ArrayList<>())
                            .add(new Violation(error.field(), error.code(), error.message()));
                }
                merge.apply();
                applied += plan.dealsCreated() + plan.dealsUpdated();
                unchanged += plan.dealsUnchanged();
            }
        }
        List<RejectedOffer> rejected = new ArrayList<>();
        for (Offer offer : batch.offers()) {
            if (!offer.readable()) {
                rejected.add(new RejectedOffer(offer.position(), everyFault(offer)));
            } else if (reasons.containsKey(offer.position())) {
                rejected.add(new RejectedOffer(offer.position(), reasons.get(offer.position())));
            }
        }
        source.setAside(rejected);
        if (!rounds.isEmpty()) {
            imports.appendEvents();
        }
        return new Outcome(applied, unchanged, rejected.size());
    }

    /**
     * Why an unreadable offer is refused, and what the import's rules find wrong with the fields it
     * could read, but for fields already refused for their form (a missing field is not also blank).
     */
    private List<Violation> everyFault(Offer offer) {
        if (offer.fields() == null) {
            return offer.unreadable();
        }
        Set<String> refused = offer.unreadable().stream().map(Violation::field).collect(Collectors.toSet());
        List<Violation> faults = new ArrayList<>(offer.unreadable());
        RecordMerge.check(offer.fields(), clock.now()).stream()
                .filter(broken -> !refused.contains(broken.field()))
                .forEach(faults::add);
        return faults;
    }

    /**
     * Per partition, the first offer that would be a deal's {@link #MAX_ROUNDS}+1st in the batch:
     * where the batch is cut, in the rare stream that repeats a deal that often.
     */
    static List<OfferPosition> beyondRounds(List<Offer> offers) {
        Map<String, Integer> seen = new HashMap<>();
        List<OfferPosition> cuts = new ArrayList<>();
        for (Offer offer : offers) {
            OfferPosition position = offer.position();
            if (offer.readable() && offer.fields().dealId() != null
                    && seen.merge(offer.fields().dealId().strip(), 1, Integer::sum) > MAX_ROUNDS
                    && cuts.stream().noneMatch(position::samePartition)) {
                cuts.add(position);
            }
        }
        return cuts;
    }

    /**
     * The readable offers in rounds: the first offer for each deal in the first round, the second in
     * the second, and so on, so that no merge sees a deal twice and a deal's offers merge in offset
     * order. An offer without a deal_id is refused by the merge's rules; any round will do.
     */
    static List<List<Offer>> rounds(List<Offer> offers) {
        Map<String, Integer> seen = new HashMap<>();
        List<List<Offer>> rounds = new ArrayList<>();
        for (Offer offer : offers) {
            if (!offer.readable()) {
                continue;
            }
            String dealId = offer.fields().dealId();
            int round = dealId == null ? 0 : seen.merge(dealId.strip(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(offer);
        }
        return rounds;
    }

    private static String describe(Throwable failure) {
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    private void pause(Duration delay) {
        try {
            stopping.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0 || Thread.currentThread().isInterrupted();
    }
}
