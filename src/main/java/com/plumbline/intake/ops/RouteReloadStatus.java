package com.plumbline.intake.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What the last route reload did: health and the README's operator story read it, and
 * {@code intake.routes.reloads{outcome=applied|rejected|rolled_back}} counts them.
 */
@Component
public class RouteReloadStatus {

    static final String RELOADS = "intake.routes.reloads";

    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();
    private final AtomicInteger swapping = new AtomicInteger();
    private final AtomicInteger webhooksInFlight = new AtomicInteger();

    public RouteReloadStatus(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    public void applied(String file) {
        // a good edit of the same file clears its earlier failure
        lastFailure.updateAndGet(failure -> failure != null && failure.problem().file().equals(file) ? null : failure);
        registry.counter(RELOADS, "outcome", "applied").increment();
    }

    /** The edit was refused before any route was touched. */
    public void rejected(RouteProblem problem) {
        lastFailure.set(new Failure(problem, clock.instant()));
        registry.counter(RELOADS, "outcome", "rejected").increment();
    }

    /** The edit failed while its routes were being replaced; the previous version was put back. */
    public void rolledBack(RouteProblem problem) {
        lastFailure.set(new Failure(problem, clock.instant()));
        registry.counter(RELOADS, "outcome", "rolled_back").increment();
    }

    /**
     * A file's routes are about to be replaced: new webhooks are asked to retry ({@link RouteSwapGuard}),
     * and the swap waits (at most {@code drain}) for the webhooks already inside to be answered.
     */
    void swapStarted(Duration drain) {
        swapping.incrementAndGet();
        Instant deadline = clock.instant().plus(drain);
        while (webhooksInFlight.get() > 0 && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void swapEnded() {
        swapping.decrementAndGet();
    }

    public boolean swapping() {
        return swapping.get() > 0;
    }

    void webhookStarted() {
        webhooksInFlight.incrementAndGet();
    }

    void webhookEnded() {
        webhooksInFlight.decrementAndGet();
    }

    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    public record Failure(RouteProblem problem, Instant at) {
        @Override
        public String toString() {
            return problem + " (at " + at + "; the previous routes are still running)";
        }
    }
}
