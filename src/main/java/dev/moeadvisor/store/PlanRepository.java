package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;

/** Saved plans, newest first. */
@ApplicationScoped
public class PlanRepository implements PanacheRepository<PlanEntity> {
    public List<PlanEntity> recent(int limit) {
        return find("order by createdAt desc, id desc").page(0, limit).list();
    }

    /** Ids of at most {@code limit} plans made before {@code cutoff}, oldest first. */
    public List<Long> olderThan(OffsetDateTime cutoff, int limit) {
        return getEntityManager().createQuery("select p.id from PlanEntity p where p.createdAt < :cutoff order by p.id",
                Long.class).setParameter("cutoff", cutoff).setMaxResults(limit).getResultList();
    }

    /** Ids of at most {@code limit} plans beyond the newest {@code keep}, newest first. */
    public List<Long> beyondNewest(long keep, int limit) {
        return getEntityManager().createQuery("select p.id from PlanEntity p order by p.id desc", Long.class)
                .setFirstResult((int) Math.min(keep, Integer.MAX_VALUE)).setMaxResults(limit).getResultList();
    }

    /**
     * {@code max(id) − min(id) + 1}, 0 when there are no plans: ids are unique integers, so this bounds the row count
     * from above. It reads two ends of the primary key, where a count reads every row in H2 (all of each row, results
     * included) whenever other saves are in flight.
     */
    public long idSpan() {
        Object[] ends = getEntityManager().createQuery("select min(p.id), max(p.id) from PlanEntity p", Object[].class)
                .getSingleResult();
        return ends[0] == null ? 0 : ((Number) ends[1]).longValue() - ((Number) ends[0]).longValue() + 1;
    }

    public long deleteIds(List<Long> ids) {
        return ids.isEmpty() ? 0 : delete("id in ?1", ids);
    }
}
