package dev.moeadvisor.plan;

import dev.moeadvisor.shape.ShapeMetrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How many grid shapes a plan's search would visit, counted from the ladder sizes of its {@link SearchSpace}
 * without evaluating the shapes: per {@code d_model}, the number of (layers, dense first layers) pairs times the
 * expert widths times the (k, E) pairs with {@code E > k} (the MoE grid), plus layers × FFN widths (the dense
 * baseline's grid). The search stops after the first {@code d_model} at which every shape has too few tokens; the
 * count stops there too, judged by the cheapest shape of that width (fewest layers, narrowest experts, smallest k
 * and E, most dense first layers — a dense first layer has no router, so fewer active parameters): its
 * {@code N_active·M} is the least of the block, so it is trainable exactly when some shape of the block is.
 *
 * <p>The compute-to-match solve of the dense baseline ({@link DenseMatch}) re-runs the small dense grid up to 37
 * times; it is not counted here (it is bounded by the deadline).
 */
public final class GridEstimate {

    /**
     * A request field to narrow, and what narrowing it does.
     *
     * @param field   the request field, e.g. {@code maxExperts}
     * @param shapes  the estimate after narrowing it (e.g. with the field at its documented default)
     * @param message what to do, with that figure
     */
    public record Narrowing(String field, long shapes, String message) {
    }

    private GridEstimate() {
    }

    /** Grid shapes the plan of {@code request} visits: its MoE grid and its dense baseline's grid. */
    public static long shapes(PlanRequest request) {
        SearchSpace space = new SearchSpace(request);
        return moeShapes(space) + denseShapes(space);
    }

    /** The MoE grid size, as {@link ShapeSearch#moe()} visits it. */
    static long moeShapes(SearchSpace space) {
        PlanRequest r = space.request();
        int[] experts = space.experts();
        int[] topKs = space.topKs();
        long pairs = 0;
        for (int k : topKs) {
            for (int e : experts) {
                if (e > k) {
                    pairs++;
                }
            }
        }
        if (pairs == 0) {
            return 0;
        }
        int cheapestK = topKs[0];
        int cheapestE = java.util.Arrays.stream(experts).filter(e -> e > cheapestK).min().orElseThrow();
        long total = 0;
        for (int dModel : space.dModels()) {
            int[] widths = space.expertWidths(dModel);
            long block = 0;
            int cheapestLayers = -1;
            for (int layers : space.layers(dModel)) {
                int denseCount = space.maxDenseLayers(layers) - r.minDenseLayers() + 1;
                if (denseCount > 0) {
                    block += denseCount;
                    if (cheapestLayers < 0) {
                        cheapestLayers = layers;
                    }
                }
            }
            block *= widths.length * pairs;
            total += block;
            if (block > 0) {
                int dense = Math.min(r.maxDenseLayers(), cheapestLayers - 1);
                ShapeMetrics m = ShapeMetrics.of(space.moe(dModel, cheapestLayers, dense, widths[0], cheapestE,
                        cheapestK));
                if (Tally.tooFewTokens(m, r.computeFlops())) {
                    break;
                }
            }
        }
        return total;
    }

    /** The dense baseline's grid size at the request's compute, as {@link ShapeSearch#dense(double)} visits it. */
    static long denseShapes(SearchSpace space) {
        long total = 0;
        for (int dModel : space.dModels()) {
            int[] widths = space.denseFfnWidths(dModel);
            int[] layers = space.layers(dModel);
            long block = (long) widths.length * layers.length;
            total += block;
            if (block > 0 && Tally.tooFewTokens(ShapeMetrics.of(space.dense(dModel, layers[0], widths[0])),
                    space.request().computeFlops())) {
                break;
            }
        }
        return total;
    }

    /**
     * The fields of {@code request} that widen its grid beyond the documented defaults: each field (or min/max pair)
     * is set back to its default and kept when that shrinks the estimate, the largest reduction first.
     */
    public static List<Narrowing> narrowings(PlanRequest request) {
        long full = shapes(request);
        PlanRequest d = PlanRequest.builder(request.computeFlops(), request.uniqueTokens()).build();
        EvidenceBounds eb = request.bounds();
        EvidenceBounds de = EvidenceBounds.EVIDENCE;
        List<Narrowing> out = new ArrayList<>();
        keepIfNarrower(out, full, request, b -> b.maxExperts(d.maxExperts()), "maxExperts");
        keepIfNarrower(out, full, request, b -> b.topK(d.minTopK(), d.maxTopK()), "minTopK", "maxTopK");
        keepIfNarrower(out, full, request, b -> b.denseLayers(d.minDenseLayers(), d.maxDenseLayers()), "minDenseLayers",
                "maxDenseLayers");
        keepIfNarrower(out, full, request, b -> b.bounds(new EvidenceBounds(de.minActivationRatio(), eb.minGranularity(),
                eb.maxGranularity(), eb.minAspectRatio(), eb.maxAspectRatio())), "minActivationRatio");
        keepIfNarrower(out, full, request, b -> b.bounds(new EvidenceBounds(eb.minActivationRatio(), de.minGranularity(),
                de.maxGranularity(), eb.minAspectRatio(), eb.maxAspectRatio())), "minGranularity", "maxGranularity");
        keepIfNarrower(out, full, request, b -> b.bounds(new EvidenceBounds(eb.minActivationRatio(), eb.minGranularity(),
                eb.maxGranularity(), de.minAspectRatio(), de.maxAspectRatio())), "minAspectRatio", "maxAspectRatio");
        keepIfNarrower(out, full, request, b -> b.expertParallelDegree(d.expertParallelDegree()), "expertParallelDegree");
        keepIfNarrower(out, full, request, b -> b.dExpertMultiple(d.dExpertMultiple()), "dExpertMultiple");
        keepIfNarrower(out, full, request, b -> b.dModelMultiple(d.dModelMultiple()).minDModel(d.minDModel()),
                "dModelMultiple", "minDModel");
        out.sort(Comparator.comparingLong(Narrowing::shapes));
        return out;
    }

    /** Adds the fields of {@code changed} that differ from their default when resetting them shrinks the grid. */
    private static void keepIfNarrower(List<Narrowing> out, long full, PlanRequest request,
                             UnaryOperator<PlanRequest.Builder> reset, String... fields) {
        PlanRequest narrowed;
        try {
            narrowed = reset.apply(request.toBuilder()).build();
        } catch (PlanRequestException e) {
            return;
        }
        long n = shapes(narrowed);
        if (n < full) {
            for (String f : fields) {
                String now = String.valueOf(fieldValue(request, f));
                String byDefault = String.valueOf(fieldValue(narrowed, f));
                if (!now.equals(byDefault)) {
                    out.add(new Narrowing(f, n, "widens the grid: " + now + " here; with the default (" + byDefault
                            + ") the search would visit about " + n + " shapes"));
                }
            }
        }
    }

    private static Object fieldValue(PlanRequest r, String field) {
        EvidenceBounds b = r.bounds();
        return switch (field) {
            case "maxExperts" -> r.maxExperts();
            case "minTopK" -> r.minTopK();
            case "maxTopK" -> r.maxTopK();
            case "minDenseLayers" -> r.minDenseLayers();
            case "maxDenseLayers" -> r.maxDenseLayers();
            case "minActivationRatio" -> b.minActivationRatio();
            case "minGranularity" -> b.minGranularity();
            case "maxGranularity" -> b.maxGranularity();
            case "minAspectRatio" -> b.minAspectRatio();
            case "maxAspectRatio" -> b.maxAspectRatio();
            case "expertParallelDegree" -> r.expertParallelDegree();
            case "dExpertMultiple" -> r.dExpertMultiple();
            case "dModelMultiple" -> r.dModelMultiple();
            case "minDModel" -> r.minDModel();
            default -> throw new IllegalArgumentException(field);
        };
    }
}
