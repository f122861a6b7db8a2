package dev.moeadvisor.web.ui.shared;

import dev.moeadvisor.budget.Gpu;
import dev.moeadvisor.web.api.GpuBudgetRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The GPU budget inputs shared by the evaluate and plan forms, as the user typed them: a {@link Gpu} preset name or
 * {@value #CUSTOM_GPU} (then {@code peakFlops} is read), the GPU count, wall-clock hours and MFU. Both forms name
 * these inputs alike, read them into the API's {@link GpuBudgetRequest} here, and show them with the
 * {@code gpuBudget} tag.
 */
public record GpuBudgetFields(String gpu, String peakFlops, String gpuCount, String gpuHours, String mfu) {

    public static final String CUSTOM_GPU = "custom";

    /** API field paths of a GPU budget and the form inputs that show their errors. */
    private static final Map<String, String> FORM_FIELD_OF_API_FIELD = Map.of(
            "gpuBudget.gpu", "gpu",
            "gpuBudget.peakFlops", "peakFlops",
            "gpuBudget.count", "gpuCount",
            "gpuBudget.hours", "gpuHours",
            "gpuBudget.mfu", "mfu",
            "gpuBudget", "budget");

    /** The form input for an API field path, or the path itself when it is not a GPU budget field. */
    public static String formFieldOf(String apiField) {
        return FORM_FIELD_OF_API_FIELD.getOrDefault(apiField, apiField);
    }

    /** The API's GPU budget; unreadable numbers are recorded by {@code numbers} and read as absent. */
    public GpuBudgetRequest toRequest(FormNumbers numbers) {
        boolean custom = gpu == null || gpu.isBlank() || CUSTOM_GPU.equals(gpu);
        return new GpuBudgetRequest(custom ? null : gpu, custom ? numbers.number("peakFlops", peakFlops) : null,
                numbers.number("gpuCount", gpuCount), numbers.number("gpuHours", gpuHours),
                numbers.number("mfu", mfu));
    }

    /** The inputs as the {@code gpuBudget} tag shows them: presets with their peaks, then the four numbers. */
    public GpuBudgetView view(FormFields fields) {
        String chosen = gpu == null ? "" : gpu;
        List<Option> gpus = Stream.concat(
                Arrays.stream(Gpu.values()).map(g -> new Option(g.name(),
                        g.label() + " (" + NumberFormats.sci(g.peakFlops()) + " FLOP/s, " + Math.round(g.memoryGb()) + " GB)",
                        g.name().equals(chosen))),
                Stream.of(new Option(CUSTOM_GPU, "Custom peak FLOP/s", CUSTOM_GPU.equals(chosen))))
                .toList();
        fields.label("gpu", "GPU");
        return new GpuBudgetView(gpus, fields.error("gpu"),
                fields.field("peakFlops", "Peak FLOP/s per GPU (custom)", "dense BF16, e.g. 989T", peakFlops),
                fields.field("gpuCount", "GPUs", "", gpuCount),
                fields.field("gpuHours", "Hours", "wall clock", gpuHours),
                fields.field("mfu", "MFU", "e.g. 0.35 or 35%", mfu));
    }
}
