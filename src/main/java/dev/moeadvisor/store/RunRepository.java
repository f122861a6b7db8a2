package dev.moeadvisor.store;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The runs of a data set, in their file order. */
@ApplicationScoped
public class RunRepository implements PanacheRepository<RunEntity> {
    public List<RunEntity> listByDataset(DatasetEntity dataset) {
        return list("dataset = ?1 order by position", dataset);
    }
}
