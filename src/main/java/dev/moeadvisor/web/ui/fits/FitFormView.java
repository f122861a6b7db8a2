package dev.moeadvisor.web.ui.fits;

import dev.moeadvisor.web.ui.shared.FieldView;
import dev.moeadvisor.web.ui.shared.FormErrors;
import dev.moeadvisor.web.ui.shared.NumberFormats;
import dev.moeadvisor.web.ui.shared.Option;

import dev.moeadvisor.fit.FitParameter;
import dev.moeadvisor.fit.PriorSet;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.runs.RunKind;
import dev.moeadvisor.service.DatasetSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The start-a-fit form as a page shows it: the user's text, a message next to each refused field, and a summary.
 * On a data set's page the data set is fixed (a hidden field); on {@code /fits} it is chosen from a select.
 *
 * @param datasets      data set choices, or empty when the data set is fixed
 * @param dataset       the data set's id (for the hidden field)
 * @param metrics       metric choices (the data set's; on {@code /fits}, every data set's)
 * @param tables        table list
 * @param kinds         the kind check boxes
 * @param runIds        run id list
 * @param seed          seed
 * @param bootstrap     bootstrap resamples
 * @param pins          one field per coefficient, hinted with its published value
 * @param datasetError  message for the data set, or {@code null}
 * @param metricError   message for the metric, or {@code null}
 * @param kindsError    message for the kinds, or {@code null}
 * @param filterError   message for the filter as a whole (no run passes), or {@code null}
 * @param pinnedError   message for the pins as a whole, or {@code null}
 * @param generalError  a message about the request as a whole (too many fits running), or {@code null}
 * @param errorSummary  every message, in form order
 * @param priorSets     the prior-set choices, "none" first ({@code dev.moeadvisor.fit.PriorSet})
 * @param priorSetError message for the priors, or {@code null}
 * @param joint         the joined data sets field
 */
public record FitFormView(List<Option> datasets, String dataset, List<Option> metrics, FieldView tables,
                          List<Option> kinds, FieldView runIds, FieldView seed, FieldView bootstrap,
                          List<FieldView> pins, String datasetError, String metricError, String kindsError,
                          String filterError, String pinnedError, String generalError, List<SummaryItem> errorSummary,
                          List<Option> priorSets, String priorSetError, FieldView joint) {

    /** One line of the error summary, linking to its input. */
    public record SummaryItem(String anchor, String label, String message) {
    }

    /** The data set is chosen in the form (the {@code /fits} page). */
    public boolean choosesDataset() {
        return !datasets.isEmpty();
    }

    /**
     * @param form          the user's text
     * @param errors        messages by field ({@code dataset, metric, tables, kinds, runIds, filter, seed, bootstrap,
     *                      pinned, pin-<label>})
     * @param generalError  a message about the whole request, or {@code null}
     * @param choices       the data sets to choose from: one (fixed, a data set's page) or all ({@code /fits})
     * @param published     the published model whose coefficients hint the pins
     * @param fixedDataset  whether the data set is fixed
     */
    public static FitFormView of(FitForm form, FormErrors errors, String generalError, List<DatasetSummary> choices,
                          MoeLossModel published, boolean fixedDataset) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("dataset", "Data set");
        labels.put("metric", "Metric");
        String dataset = form.dataset() == null ? "" : form.dataset();
        List<Option> datasetOptions = fixedDataset ? List.of()
                : choices.stream().map(d -> new Option(d.id(), d.name(), d.id().equals(dataset))).toList();
        String metric = form.metric() == null ? "" : form.metric();
        List<String> metricNames = choices.stream().filter(d -> !fixedDataset || d.id().equals(dataset))
                .flatMap(d -> d.metrics().stream()).distinct().sorted().toList();
        List<Option> metricOptions = new ArrayList<>(metricNames.stream()
                .map(m -> new Option(m, m, m.equals(metric))).toList());
        if (!metric.isEmpty() && !metricNames.contains(metric)) {
            metricOptions.add(new Option(metric, metric, true));
        }
        FieldView tables = field("tables", "Tables", "comma list, e.g. 9, 10, 11; blank: all", form.tables(), errors,
                labels);
        labels.put("kinds", "Kinds");
        List<Option> kinds = Arrays.stream(RunKind.values())
                .map(k -> new Option(k.label(), k.label(), form.ticked(k))).toList();
        FieldView runIds = field("runIds", "Run ids", "comma list; blank: all", form.runIds(), errors, labels);
        labels.put("filter", "Runs");
        FieldView seed = field("seed", "Seed", "start grid and resamples", form.seed(), errors, labels);
        FieldView bootstrap = field("bootstrap", "Bootstrap resamples", "0: no intervals", form.bootstrap(), errors,
                labels);
        labels.put("pinned", "Pins");
        Set<FitParameter> pinnedByDefault = FitParameter.defaultPins().keySet();
        List<FieldView> pins = Arrays.stream(FitParameter.values()).map(p -> field(FitForm.PIN_PREFIX + p.label(),
                        "Pin " + Coefficient.symbol(p), hint(p, published, pinnedByDefault.contains(p)), form.pin(p),
                        errors, labels))
                .toList();
        labels.put("priorSet", "Priors");
        String chosenSet = form.priorSet() == null ? "" : form.priorSet();
        List<Option> priorSets = new ArrayList<>();
        priorSets.add(new Option("", "none", chosenSet.isBlank()));
        PriorSet.all().forEach(p -> priorSets.add(new Option(p.id(), p.title() + " — " + p.citation(),
                p.id().equals(chosenSet))));
        FieldView joint = field("joint", "Joined data sets",
                "comma list of data sets whose matched MoE-vs-dense pairs join as EL observations", form.joint(), errors,
                labels);
        List<SummaryItem> summary = new ArrayList<>();
        labels.forEach((name, label) -> {
            String message = errors.messageFor(name);
            if (message != null) {
                summary.add(new SummaryItem(anchor(name), label, message));
            }
        });
        errors.messages().forEach((name, message) -> {
            if (!labels.containsKey(name)) {
                summary.add(new SummaryItem("fit-form", name, message));
            }
        });
        return new FitFormView(datasetOptions, dataset, List.copyOf(metricOptions), tables, kinds, runIds, seed,
                bootstrap, pins, errors.messageFor("dataset"), errors.messageFor("metric"), errors.messageFor("kinds"),
                errors.messageFor("filter"), errors.messageFor("pinned"), generalError, List.copyOf(summary),
                List.copyOf(priorSets), errors.messageFor("priorSet"), joint);
    }

    private static String anchor(String field) {
        return switch (field) {
            case "kinds", "filter" -> "fit-runs";
            case "pinned" -> "fit-pins";
            case "priorSet" -> "f-priorSet";
            default -> "f-" + field;
        };
    }

    private static String hint(FitParameter p, MoeLossModel published, boolean pinnedByDefault) {
        return Coefficient.sourceName(p) + ": " + NumberFormats.coefficient(Coefficient.published(p, published))
                + (pinnedByDefault ? " (blank: pinned at it)" : " (blank: free)");
    }

    private static FieldView field(String name, String label, String hint, String value, FormErrors errors,
                                   Map<String, String> labels) {
        labels.put(name, label);
        return new FieldView(name, label, hint, value == null ? "" : value, errors.messageFor(name));
    }

    /** Errors of one submission of this form, keyed by form field (the service's field names are the same). */
    public static FormErrors newErrors() {
        return new FormErrors(field -> field);
    }
}
