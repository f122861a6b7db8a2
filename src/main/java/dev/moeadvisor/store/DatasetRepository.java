package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Data sets by slug. */
@ApplicationScoped
public class DatasetRepository implements PanacheRepository<DatasetEntity> {
    public Optional<DatasetEntity> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<DatasetEntity> listByName() {
        return list("order by readOnly desc, createdAt, id");
    }
}
