package dev.moeadvisor.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs the independent local optimisations of one fit phase (starts, leave-one-out refits, bootstrap refits),
 * on the caller's thread or on a pool of its own, and returns their results in task order, so the result never
 * depends on the thread count. Reports each finished task to the {@link FitProgress}, one report at a time, and
 * polls the {@link FitCancellation} before each task.
 */
final class LocalFitRunner implements AutoCloseable {

    private final ExecutorService pool;
    private final FitProgress progress;
    private final int totalTasks;
    private final FitCancellation cancellation;
    private int doneTasks;

    LocalFitRunner(int parallelism, FitProgress progress, int totalTasks, FitCancellation cancellation) {
        this.cancellation = cancellation;
        this.pool = parallelism > 1 ? Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "loss-model-fit");
            t.setDaemon(true);
            return t;
        }) : null;
        this.progress = progress;
        this.totalTasks = totalTasks;
    }

    /** {@code task.apply(i)} for i in [0, count), in order of i. */
    <T> List<T> run(FitProgress.Stage stage, int count, IntFunction<T> task) {
        List<T> results = new ArrayList<>(count);
        int[] stageDone = {0};
        if (pool == null) {
            for (int i = 0; i < count; i++) {
                checkCancelled(stage);
                results.add(task.apply(i));
                report(stage, stageDone, count);
            }
            return results;
        }
        List<Future<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                checkCancelled(stage);
                T result = task.apply(index);
                report(stage, stageDone, count);
                return result;
            }));
        }
        try {
            for (Future<T> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fit interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    /** Before each local optimisation: stop here when the fit was cancelled. */
    private synchronized void checkCancelled(FitProgress.Stage stage) {
        if (cancellation.cancelled()) {
            throw new FitCancelledException("cancelled during the " + stage.name().toLowerCase().replace('_', '-')
                    + " phase, after " + doneTasks + " of " + totalTasks + " local optimisations");
        }
    }

    private synchronized void report(FitProgress.Stage stage, int[] stageDone, int stageTotal) {
        doneTasks++;
        stageDone[0]++;
        progress.update(stage, stageDone[0], stageTotal, (double) doneTasks / totalTasks);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
