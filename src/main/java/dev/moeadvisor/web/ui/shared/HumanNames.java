package dev.moeadvisor.web.ui.shared;

import io.quarkus.qute.TemplateExtension;

import java.util.Map;

/**
 * What a page shows for a key of the API's maps ({@code {r.key.humanName}}): a law's fitted-range axes
 * ({@code computeFlops} → "C (FLOPs)", {@code activationRatio} → "A") and its coefficients' names
 * ({@code aStart} → "A_start", {@code gamma} → "γ"), as the formulas write them. A key without a name shows as it is.
 */
@TemplateExtension
public final class HumanNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("computeFlops", "C (FLOPs)"),
            Map.entry("activationRatio", "A"),
            Map.entry("granularity", "G"),
            Map.entry("params", "N (parameters)"),
            Map.entry("activeParams", "N_active"),
            Map.entry("totalParams", "N_total"),
            Map.entry("tokens", "D (tokens)"),
            Map.entry("epochs", "epochs"),
            Map.entry("experts", "E"),
            Map.entry("topK", "top-k"),
            Map.entry("alpha", "α"),
            Map.entry("beta", "β"),
            Map.entry("betaG", "β_G"),
            Map.entry("gamma", "γ"),
            Map.entry("aStart", "A_start"),
            Map.entry("aMax", "A_max"),
            Map.entry("rStar", "R*"),
            Map.entry("eStart", "E_start"),
            Map.entry("eMax", "E_max"));

    private HumanNames() {
    }

    /** The name a reader sees for {@code key}. */
    public static String humanName(String key) {
        return NAMES.getOrDefault(key, key);
    }
}
