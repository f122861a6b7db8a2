package dev.moeadvisor.service;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.law.family.LawFamilies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The loss models a plan can be ranked with: the published Ling EL law composed with a published dense law
 * (Chinchilla, arXiv 2203.15556, or its Epoch replication, arXiv 2404.10102), the default fit of the bundled runs,
 * any finished fit, or any published law family ({@link LawFamilies}: ranked by that law's own loss,
 * {@code dev.moeadvisor.plan.FamilyPlanner}).
 */
@ApplicationScoped
public class LossModelRegistry {

    public static final String DEFAULT = "default";
    public static final String PUBLISHED = "ling-2025";
    public static final String PUBLISHED_EPOCH = "ling-2025-epoch";

    @Inject
    FittedModels fits;

    public LossModelChoice resolve(String id) {
        String key = id == null || id.isBlank() ? DEFAULT : id.trim();
        return switch (key) {
            case PUBLISHED -> published(PUBLISHED, DenseLossLaw.CHINCHILLA);
            case PUBLISHED_EPOCH -> published(PUBLISHED_EPOCH, DenseLossLaw.EPOCH);
            case DEFAULT -> fits.defaultFit().orElseThrow(() -> new UnknownModelException(
                    "the default fit of the bundled runs is not ready yet; retry shortly or use model 'ling-2025'", true));
            default -> LawFamilies.byId(key).map(LossModelChoice::of).or(() -> fits.fit(key))
                    .orElseThrow(() -> new UnknownModelException(
                            "no finished fit, published model or law family has id " + Echo.quoted(key), false));
        };
    }

    /** The published law families as plan models, for forms. */
    public List<LossModelChoice> families() {
        return LawFamilies.PUBLISHED.stream().map(LossModelChoice::of).toList();
    }

    /** The published choices, for forms. */
    public List<LossModelChoice> published() {
        return List.of(published(PUBLISHED, DenseLossLaw.CHINCHILLA), published(PUBLISHED_EPOCH, DenseLossLaw.EPOCH));
    }

    private static LossModelChoice published(String id, DenseLossLaw dense) {
        return new LossModelChoice(id, "Published: Ling EL law (arXiv 2507.17702, Eq. 13) with the " + dense.id()
                + " dense law (arXiv " + dense.citation().arxiv() + ")", dense.unit(),
                new MoeLossModel(dense, EfficiencyLeverageLaw.LING_2025), List.of(),
                dev.moeadvisor.envelope.Evidence.LING_2025);
    }
}
