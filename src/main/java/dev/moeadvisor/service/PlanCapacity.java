package dev.moeadvisor.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@code advisor.plan.max-concurrent} plans and sweeps at once (default: twice the processors), and at most
 * {@code advisor.plan.max-queued} more waiting, each for at most {@code advisor.plan.queue-wait}, in arrival order: a
 * burst of plans is served one after another instead of refused, while the work held is still bounded (the running
 * plans, each within its own limits, plus a fixed number of waiting requests). A request beyond the queue, or one that
 * waited its whole time, is refused (429). The wait counts against the plan's deadline, which starts before it.
 */
@ApplicationScoped
public class PlanCapacity {

    private final int permits;
    private final int maxQueued;
    private final long waitNanos;
    private final Semaphore running;
    private final AtomicInteger waiting = new AtomicInteger();

    @Inject
    public PlanCapacity(AdvisorConfig config) {
        this(config.plan().maxConcurrent().orElse(2 * Runtime.getRuntime().availableProcessors()),
                config.plan().maxQueued(), config.plan().queueWait());
    }

    PlanCapacity(int permits, int maxQueued, java.time.Duration wait) {
        this.permits = permits;
        this.maxQueued = maxQueued;
        this.waitNanos = wait.toNanos();
        this.running = new Semaphore(permits, true);
    }

    /**
     * Runs {@code work} holding one permit, waiting for one when every permit is taken and the queue has room.
     *
     * @throws PlanCapacityException when every permit is taken and the queue is full, or the wait ran out
     */
    public <T> T run(Supplier<T> work) {
        if (!running.tryAcquire()) {
            await();
        }
        try {
            return work.get();
        } finally {
            running.release();
        }
    }

    private void await() {
        if (waiting.incrementAndGet() > maxQueued) {
            waiting.decrementAndGet();
            throw new PlanCapacityException(permits);
        }
        try {
            if (!running.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new PlanCapacityException(permits);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlanCapacityException(permits);
        } finally {
            waiting.decrementAndGet();
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

    /** Plans and sweeps waiting for a permit now. */
    public int waiting() {
        return waiting.get();
    }

    /** Takes every free permit (tests: to see the 429); returns how many were taken. */
    int drain() {
        return running.drainPermits();
    }

    void release(int n) {
        running.release(n);
    }
}
