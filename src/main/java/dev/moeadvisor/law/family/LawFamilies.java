package dev.moeadvisor.law.family;

import java.util.List;
import java.util.Optional;

/** The published MoE law families the advisor can compare, in display order. */
public final class LawFamilies {

    private LawFamilies() {
    }

    /** Krajewski 2024, Ludziejewski 2025, and Ling's EL law composed with each of the two published dense laws. */
    public static final List<MoeLawFamily> PUBLISHED = List.of(KrajewskiLaw.PUBLISHED, JointMoeLaw.PUBLISHED,
            LingComposedLaw.WITH_CHINCHILLA, LingComposedLaw.WITH_EPOCH);

    public static Optional<MoeLawFamily> byId(String id) {
        return PUBLISHED.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
