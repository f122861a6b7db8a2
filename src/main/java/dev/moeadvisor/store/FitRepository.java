package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Fits, newest first. */
@ApplicationScoped
public class FitRepository implements PanacheRepository<FitEntity> {
    public List<FitEntity> listNewestFirst() {
        return list("order by createdAt desc, id desc");
    }

    /**
     * The id of the default fit (the first done fit marked default), without reading its row (its result is the largest
     * column there is).
     */
    public Optional<Long> findDefaultId() {
        return getEntityManager().createQuery("select f.id from FitEntity f where f.isDefault = true and f.status = ?1"
                + " order by f.id", Long.class).setParameter(1, FitEntity.Status.DONE).setMaxResults(1)
                .getResultStream().findFirst();
    }

    public Optional<FitEntity> findDoneByRequestHash(String hash) {
        return find("requestHash = ?1 and status = ?2 order by id", hash, FitEntity.Status.DONE).firstResultOptional();
    }

    /** Those of {@code ids} whose fit is marked cancelled. */
    public List<Long> findCancelledIds(List<Long> ids) {
        return getEntityManager().createQuery("select f.id from FitEntity f where f.id in ?1 and f.status = ?2",
                Long.class).setParameter(1, ids).setParameter(2, FitEntity.Status.CANCELLED).getResultList();
    }

    /** Ids of the fits of a data set that are still running, oldest first. */
    public List<Long> findRunningIds(DatasetEntity dataset) {
        return getEntityManager().createQuery("select f.id from FitEntity f where f.dataset = ?1 and f.status = ?2 "
                        + "order by f.id", Long.class)
                .setParameter(1, dataset).setParameter(2, FitEntity.Status.RUNNING).getResultList();
    }
}
