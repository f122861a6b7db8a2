package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.HumanNumber;

import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.runs.RunKind;
import dev.moeadvisor.service.DatasetSummary;
import dev.moeadvisor.service.FitRequest;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The start-a-fit form as the user typed it (all text, so that a refused form shows it back unchanged).
 * {@link #toRequest} reads it into the service's {@link FitRequest}.
 *
 * @param dataset   the data set's id
 * @param metric    the metric to fit
 * @param tables    source tables, a comma list (blank: all)
 * @param kinds     the ticked kinds ({@code moe}, {@code dense}); both or none: all runs
 * @param runIds    run ids, a comma list (blank: all)
 * @param seed      seed (blank: the configured default)
 * @param bootstrap bootstrap resamples (blank: the configured default)
 * @param pins      coefficient label → the value typed (blank: free, or the default pin)
 * @param priorSet  the chosen prior set's id (blank: no priors)
 * @param joint     joined data sets, a comma list (blank: none)
 */
public record FitForm(String dataset, String metric, String tables, List<String> kinds, String runIds, String seed,
                      String bootstrap, Map<String, String> pins, String priorSet, String joint) {

    static final String PIN_PREFIX = "pin-";

    public FitForm {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        pins = pins == null ? Map.of() : Map.copyOf(pins);
    }

    /** The form as posted ({@code application/x-www-form-urlencoded}). */
    static FitForm from(MultivaluedMap<String, String> form) {
        Map<String, String> pins = new LinkedHashMap<>();
        for (FitParameter p : FitParameter.values()) {
            String v = form.getFirst(PIN_PREFIX + p.label());
            if (v != null) {
                pins.put(p.label(), v);
            }
        }
        return new FitForm(form.getFirst("dataset"), form.getFirst("metric"), form.getFirst("tables"),
                form.get("kind"), form.getFirst("runIds"), form.getFirst("seed"), form.getFirst("bootstrap"), pins,
                form.getFirst("priorSet"), form.getFirst("joint"));
    }

    /**
     * The form filled for a data set: the default request's choices for the data set it fits (the bundled one: its
     * tables and the ids of the runs inside the default model's domain), else the data set's first metric and all its
     * runs; the default seed and resamples; no pins typed.
     */
    public static FitForm prefilled(DatasetSummary dataset, FitRequest defaults) {
        boolean same = dataset.id().equals(defaults.dataset());
        String metric = same ? defaults.metric() : dataset.metrics().isEmpty() ? "" : dataset.metrics().get(0);
        String tables = same ? defaults.filter().tables().stream().map(String::valueOf).collect(Collectors.joining(", "))
                : "";
        String runIds = same ? String.join(", ", defaults.filter().runIds()) : "";
        return new FitForm(dataset.id(), metric, tables, List.of(RunKind.MOE.label(), RunKind.DENSE.label()), runIds,
                String.valueOf(defaults.seed()), String.valueOf(defaults.bootstrap()), Map.of(),
                same && defaults.priorSet() != null ? defaults.priorSet() : "",
                same ? String.join(", ", defaults.joint()) : "");
    }

    boolean ticked(RunKind kind) {
        return kinds.contains(kind.label());
    }

    String pin(FitParameter p) {
        return pins.getOrDefault(p.label(), "");
    }

    /** The request this form spells; text that cannot be read is reported in {@code errors} and left out. */
    FitRequest toRequest(FormErrors errors) {
        List<Integer> tableList = new ArrayList<>();
        for (String t : items(tables, "[,;\\s]+")) {
            try {
                long x = HumanNumber.parseWhole(t);
                if (x < 0 || x > Integer.MAX_VALUE) {
                    errors.add("tables", "'" + t + "' is not a table number");
                } else {
                    tableList.add((int) x);
                }
            } catch (HumanNumber.UnreadableNumberException e) {
                errors.add("tables", "'" + t + "' " + e.getMessage());
            }
        }
        List<String> kindList = kinds.stream().distinct().toList();
        if (kindList.stream().anyMatch(k -> RunKind.fromLabel(k).isEmpty())) {
            errors.add("kinds", "choose moe, dense or both");
            kindList = List.of();
        } else if (kindList.size() == RunKind.values().length) {
            kindList = List.of();
        }
        Map<String, Double> pinned = new LinkedHashMap<>();
        for (FitParameter p : FitParameter.values()) {
            String text = pin(p);
            if (!text.isBlank()) {
                try {
                    pinned.put(p.label(), HumanNumber.parse(text));
                } catch (HumanNumber.UnreadableNumberException e) {
                    errors.add(PIN_PREFIX + p.label(), e.getMessage());
                }
            }
        }
        Long seedValue = whole("seed", seed, errors);
        Long resamples = whole("bootstrap", bootstrap, errors);
        Integer bootstrapValue = null;
        if (resamples != null) {
            if (resamples > Integer.MAX_VALUE || resamples < 0) {
                errors.add("bootstrap", "must be a whole number from 0");
            } else {
                bootstrapValue = resamples.intValue();
            }
        }
        return new FitRequest(dataset, metric, new FitRequest.RunFilter(tableList, kindList, items(runIds, "[,;]+")), pinned,
                seedValue, bootstrapValue, null, priorSet == null || priorSet.isBlank() ? null : priorSet.strip(),
                items(joint, "[,;\\s]+"));
    }

    private static Long whole(String field, String text, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return HumanNumber.parseWhole(text);
        } catch (HumanNumber.UnreadableNumberException e) {
            errors.add(field, e.getMessage());
            return null;
        }
    }

    /** The non-blank items of a list separated by {@code separators}. */
    private static List<String> items(String text, String separators) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
