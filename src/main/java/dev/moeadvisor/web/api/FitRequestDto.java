package dev.moeadvisor.web.api;

import dev.moeadvisor.service.FitRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/fits}: {@code dataset} and {@code metric} (required), an optional {@code filter}
 * ({@code tables}, {@code kinds}, {@code runIds}), {@code pinned} coefficients ({@code {"gamma": 0.0167}}),
 * {@code seed}, {@code bootstrap} resamples and {@code looMode} ({@code full}, {@code subsample}, {@code none}),
 * Gaussian {@code priors} on free coefficients
 * ({@code {"d": {"mean": -0.0761, "sd": 0.015}}}) and/or a shipped {@code priorSet} ({@code "ling-2025-el"}); the
 * service checks the priors and names the field ({@code priors.d}, {@code priorSet}); {@code joint}: other data
 * sets whose matched MoE-vs-dense pairs join the fit as EL observations ({@code ["ling-2025-table3"]});
 * {@code sources}: other data sets joined with their own loss level, each {@code {"dataset": …, "metric": …,
 * "runIds": [...], "pinned": {"E": …}, "priors": {"B_D": {"mean": 410.7, "sd": 1}}}} — their runs enter with their
 * own E, A_N, B_D (in their unit) and the shared α, β and EL coefficients; the service names a fault's field
 * ({@code sources[0].priors}, {@code sources[0].dataset}, …).
 */
public record FitRequestDto(@NotBlank @Size(max = 80) String dataset, @NotBlank @Size(max = 40) String metric,
                            @Valid FilterDto filter, Map<String, @NotNull Double> pinned, Long seed,
                            @Min(0) @Max(100000) Integer bootstrap, @Size(max = 11) Map<String, PriorRequest> priors,
                            @Size(max = 80) String priorSet, @Size(max = 10) List<@NotNull String> joint,
                            @Pattern(regexp = "full|subsample|none", message = "must be full, subsample or none")
                            String looMode, @Size(max = 5) List<@NotNull @Valid SourceRequest> sources) {

    /** A data set joined with its own dense coefficients E, A_N, B_D. */
    public record SourceRequest(@NotBlank @Size(max = 80) String dataset, @NotBlank @Size(max = 40) String metric,
                                @Size(max = 100000) List<@NotNull String> runIds,
                                @Size(max = 3) Map<String, @NotNull Double> pinned,
                                @Size(max = 3) Map<String, PriorRequest> priors) {}

    /** A Gaussian prior: {@code mean} as the coefficient's value, {@code sd} on the fit's scale. */
    public record PriorRequest(Double mean, Double sd) {}

    /** Which runs to fit. */
    public record FilterDto(@Size(max = 1000) List<@NotNull Integer> tables, @Size(max = 2) List<@NotNull String> kinds,
                            @Size(max = 100000) List<@NotNull String> runIds) {}

    public FitRequest toRequest() {
        FitRequest.RunFilter f = filter == null ? null
                : new FitRequest.RunFilter(filter.tables(), filter.kinds(), filter.runIds());
        Map<String, FitRequest.PriorSpec> p = null;
        if (priors != null) {
            p = new java.util.TreeMap<>();
            for (Map.Entry<String, PriorRequest> e : priors.entrySet()) {
                p.put(e.getKey(), e.getValue() == null ? null
                        : new FitRequest.PriorSpec(e.getValue().mean(), e.getValue().sd()));
            }
        }
        List<FitRequest.SourceSpec> own = sources == null ? null : sources.stream().map(x -> new FitRequest.SourceSpec(
                x.dataset(), x.metric(), x.runIds(), x.pinned(), x.priors() == null ? null
                        : x.priors().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue() == null ? new FitRequest.PriorSpec(null, null)
                                : new FitRequest.PriorSpec(e.getValue().mean(), e.getValue().sd()))))).toList();
        return new FitRequest(dataset, metric, f, pinned, seed, bootstrap, p, priorSet, joint, looMode, own);
    }
}
