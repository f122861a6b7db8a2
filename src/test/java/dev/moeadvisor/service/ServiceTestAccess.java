package dev.moeadvisor.service;

import java.time.OffsetDateTime;
import java.util.List;

/** Test access to package-private hooks of the service beans (filling the plan capacity, a retention pass). */
public final class ServiceTestAccess {
    private ServiceTestAccess() {
    }

    /** Takes every free plan permit; returns how many (give them back with {@link #release}). */
    public static int fill(PlanCapacity capacity) {
        return capacity.drain();
    }

    public static void release(PlanCapacity capacity, int permits) {
        capacity.release(permits);
    }

    public static long cleanup(PlanArchive archive, OffsetDateTime now, int retentionDays, long maxCount) {
        return archive.cleanup(now, retentionDays, maxCount);
    }

    public static List<String> snapshotHashes(PlanArchive archive, List<Long> ids) {
        return archive.snapshotHashes(ids);
    }
}
