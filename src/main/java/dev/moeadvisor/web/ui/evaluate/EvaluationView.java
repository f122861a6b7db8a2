package dev.moeadvisor.web.ui.evaluate;

import dev.moeadvisor.web.ui.shared.GpuPlanView;
import dev.moeadvisor.web.ui.shared.MemoryRow;
import dev.moeadvisor.web.ui.shared.NumberFormats;
import dev.moeadvisor.web.ui.shared.ElChartData;

import dev.moeadvisor.budget.GpuBudget;
import dev.moeadvisor.memory.LayoutOptions;
import dev.moeadvisor.memory.LayoutSearch;
import dev.moeadvisor.memory.ParallelLayout;
import dev.moeadvisor.memory.TrainingSetup;
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
 * @param memory         with a GPU preset budget: the best layout on those GPUs and its memory per GPU (or what
 *                       would have to change); else {@code null}
 * @param permalink      this evaluation's page
 * @param jsonUrl        the same evaluation as the JSON API answers it
 * @param csvUrl         the same evaluation as CSV
 */
public record EvaluationView(Evaluation evaluation, boolean moe, String budgetGivenAs, boolean gpuHoursGiven,
                             KnownShape publishedShape, RawString chartData, MemoryRow memory,
                             String permalink, String jsonUrl, String csvUrl) {

    /**
     * The shape's layouts on the budget's GPUs ({@link LayoutSearch}, default training setup), when the budget names
     * a preset (whose memory is known) and a whole number of GPUs; else {@code null}.
     */
    static MemoryRow memory(Evaluation e) {
        GpuBudget g = e.budget().gpu();
        if (g == null || g.gpu() == null || g.count() != Math.rint(g.count()) || g.count() > ParallelLayout.MAX_DEGREE) {
            return null;
        }
        LayoutOptions o = LayoutSearch.search(e.shape(), (int) g.count(), g.gpu().memoryBytes(),
                TrainingSetup.forShape(e.shape().seqLen()));
        return MemoryRow.of(NumberFormats.sig(g.count()) + " × " + g.gpu().label() + " ("
                + NumberFormats.sig(g.gpu().memoryGb()) + " GB)", o);
    }

    /** The training setup the memory assumes, in words. */
    public String memorySetup() {
        return GpuPlanView.setup(TrainingSetup.forShape(evaluation.shape().seqLen()));
    }

    static String budgetInWords(String givenAs) {
        return switch (givenAs) {
            case EvaluateForm.BUDGET_TOKENS -> "tokens";
            case EvaluateForm.BUDGET_GPU -> "a GPU budget";
            default -> "compute";
        };
    }
}
