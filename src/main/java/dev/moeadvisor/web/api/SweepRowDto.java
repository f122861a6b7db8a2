package dev.moeadvisor.web.api;

import dev.moeadvisor.envelope.EvidenceEnvelope;
import dev.moeadvisor.envelope.Outside;
import dev.moeadvisor.plan.SweepRow;
import dev.moeadvisor.runs.SafeCsv;
import dev.moeadvisor.numbers.Numbers;
import org.apache.commons.csv.CSVFormat;

import java.util.Arrays;
import java.util.List;

/**
 * One budget of a sweep and its recommendation (shape fields null when the budget is infeasible). {@code moe} is
 * false when the dense model is recommended (under the model MoE does not pay at that budget); {@code bindingBounds}
 * lists the search bounds that alone hold back shapes predicted better, separated by {@code ;} in the CSV.
 * {@code outside} is the recommendation's evidence envelope by the rule of every endpoint
 * ({@code dev.moeadvisor.envelope.EvidenceEnvelope}: {@code [{"axis", "value", "range", "factor"}]}), with
 * {@code outsideInWords} ("compute 182× above the largest run"), the CSV column {@code outside}.
 */
public record SweepRowDto(double computeFlops, Double uniqueTokens, boolean feasible, Boolean moe, Integer dModel, Integer layers,
                          Integer denseLayers, Integer experts, Integer topK, Integer sharedExperts, Integer dExpert,
                          Double totalParams, Double activeParams, Double activationRatio, Double paramActivationRatio,
                          Double granularity, Double tokens, Double epochs, Double predictedLoss,
                          Double efficiencyLeverage, Double denseLoss, String bindingConstraint,
                          java.util.List<String> bindingBounds, String message,
                          java.util.List<Outside> outside, String outsideInWords) {

    static final String CSV_HEADER = "compute_flops,unique_tokens,feasible,moe,d_model,layers,dense_layers,experts,top_k,"
            + "shared_experts,d_expert,total_params,active_params,activation_ratio,param_activation_ratio,granularity,"
            + "tokens,epochs,predicted_loss,efficiency_leverage,dense_loss,binding_constraint,binding_bounds,message,outside";

    public static SweepRowDto of(SweepRow r) {
        Double unique = Double.isFinite(r.budget().uniqueTokens()) ? r.budget().uniqueTokens() : null;
        if (!r.feasible()) {
            return new SweepRowDto(r.budget().computeFlops(), unique, false, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, r.bindingConstraint(),
                    java.util.List.of(), r.message(), java.util.List.of(), "");
        }
        var s = r.shape();
        return new SweepRowDto(r.budget().computeFlops(), unique, true, r.moe(), s.dModel(), s.layers(), s.denseLayers(),
                s.experts(), s.topK(), s.sharedExperts(), s.dExpert(), r.totalParams(), r.activeParams(),
                r.activationRatio(), r.paramActivationRatio(), finite(r.granularity()), r.tokens(),
                finite(r.epochs()), r.loss(), r.efficiencyLeverage(), finite(r.denseLoss()), r.bindingConstraint(),
                r.bindingBounds(), null, r.outside(), EvidenceEnvelope.words(r.outside()));
    }

    /**
     * The rows as CSV under {@link #CSV_HEADER}, text cells neutralised against formula injection, numbers as the one
     * number writer's CSV mode spells them ({@link Numbers#csv}: counts exact, the rest to six significant digits,
     * plain or as {@code 1.05e24}, never Java's {@code E} notation), as the plan CSV does.
     */
    static String csv(List<SweepRowDto> rows) {
        return new SafeCsv(CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER.split(",")).setRecordSeparator("\n")
                .get(), Numbers::csv).write(rows.stream().map(SweepRowDto::cells).toList());
    }

    private List<Object> cells() {
        return Arrays.asList(computeFlops, uniqueTokens, feasible, moe, dModel, layers, denseLayers, experts, topK,
                sharedExperts, dExpert, totalParams, activeParams, activationRatio, paramActivationRatio, granularity,
                tokens, epochs, predictedLoss, efficiencyLeverage, denseLoss, bindingConstraint, String.join(";", bindingBounds),
                message, outsideInWords);
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
