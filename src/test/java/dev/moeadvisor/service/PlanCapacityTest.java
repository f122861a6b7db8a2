package dev.moeadvisor.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan queue: beyond the running plans a bounded number wait, in order, for a bounded time; more are refused. */
class PlanCapacityTest {

    @Test
    void aPlanBeyondThePermitsWaitsForOneAndOneBeyondTheQueueIsRefusedAtOnce() throws Exception {
        PlanCapacity capacity = new PlanCapacity(1, 1, Duration.ofSeconds(30));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> capacity.run(() -> {
            holding.countDown();
            await(release);
            return 1;
        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> capacity.run(() -> 2));
        for (int i = 0; i < 1000 && capacity.waiting() == 0; i++) {
            Thread.sleep(5);
        }
        assertEquals(1, capacity.waiting(), "the second plan waits");
        assertFalse(second.isDone());
        assertThrows(PlanCapacityException.class, () -> capacity.run(() -> 3), "the queue of one is full");
        release.countDown();
        assertEquals(1, first.get(10, TimeUnit.SECONDS));
        assertEquals(2, second.get(10, TimeUnit.SECONDS), "served once the first finished");
        assertEquals(0, capacity.running());
        assertEquals(0, capacity.waiting());
    }

    @Test
    void aPlanThatWaitedItsWholeTimeIsRefused() throws Exception {
        PlanCapacity capacity = new PlanCapacity(1, 4, Duration.ofMillis(50));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> capacity.run(() -> {
            holding.countDown();
            await(release);
            return 1;
        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        assertThrows(PlanCapacityException.class, () -> capacity.run(() -> 2));
        assertEquals(0, capacity.waiting(), "a refused plan leaves the queue");
        release.countDown();
        assertEquals(1, first.get(10, TimeUnit.SECONDS));
        assertEquals(5, capacity.run(() -> 5), "the permit is free again");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
