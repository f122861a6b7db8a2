package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Saved plans, newest first. */
@ApplicationScoped
public class PlanRepository implements PanacheRepository<PlanEntity> {
    public List<PlanEntity> recent(int limit) {
        return find("order by createdAt desc, id desc").page(0, limit).list();
    }
}
