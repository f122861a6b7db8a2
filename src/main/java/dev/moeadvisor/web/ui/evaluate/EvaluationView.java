package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.shared.ElChartData;

import dev.moeadvisor.service.Evaluation;
import dev.moeadvisor.shape.KnownShape;
import io.quarkus.qute.RawString;

/**
 * An evaluation as the evaluate page shows it: the service's {@link Evaluation} plus what the page decides
 * beforehand.
 *
 * @param evaluation     the service's answer
 * @param moe            the shape has MoE layers (charts and EL shown; else EL = 1 by definition)
 * @param budgetGivenAs  how the user gave the budget, in words
 * @param gpuHoursGiven  the budget was given as GPUs, so GPU-hours are known
 * @param publishedShape the known model this shape is exactly, to show its published counts; or {@code null}
 * @param chartData      the {@link ElChartData} as JSON, or {@code null} for a dense shape
 * @param permalink      this evaluation's page
 * @param jsonUrl        the same evaluation as the JSON API answers it
 * @param csvUrl         the same evaluation as CSV
 */
public record EvaluationView(Evaluation evaluation, boolean moe, String budgetGivenAs, boolean gpuHoursGiven,
                             KnownShape publishedShape, RawString chartData, String permalink, String jsonUrl,
                             String csvUrl) {

    static String budgetInWords(String givenAs) {
        return switch (givenAs) {
            case EvaluateForm.BUDGET_TOKENS -> "tokens";
            case EvaluateForm.BUDGET_GPU -> "a GPU budget";
            default -> "compute";
        };
    }
}
