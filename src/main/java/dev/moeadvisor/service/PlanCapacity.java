package dev.moeadvisor.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code advisor.plan.max-concurrent} plans and sweeps at once (default: twice the processors): the heavy
 * requests never queue up behind each other on the worker pool; one more is refused at once.
 */
@ApplicationScoped
public class PlanCapacity {

    private final int permits;
    private final Semaphore running;

    @Inject
    public PlanCapacity(AdvisorConfig config) {
        this.permits = config.plan().maxConcurrent().orElse(2 * Runtime.getRuntime().availableProcessors());
        this.running = new Semaphore(permits);
    }

    /**
     * Runs {@code work} holding one permit.
     *
     * @throws PlanCapacityException when every permit is taken
     */
    public <T> T run(Supplier<T> work) {
        if (!running.tryAcquire()) {
            throw new PlanCapacityException(permits);
        }
        try {
            return work.get();
        } finally {
            running.release();
        }
    }

    /** Permits in total. */
    public int permits() {
        return permits;
    }

    /** Plans and sweeps running now. */
    public int running() {
        return permits - running.availablePermits();
    }

    /** Takes every free permit (tests: to see the 429); returns how many were taken. */
    int drain() {
        return running.drainPermits();
    }

    void release(int n) {
        running.release(n);
    }
}
