package dev.moeadvisor.memory;

/**
 * How a training job splits over GPUs: data (DP), tensor (TP), pipeline (PP), context (CP), expert (EP) and
 * expert-tensor (ETP) parallel degrees, as in Megatron-LM. The GPU count is {@code DP·TP·PP·CP}; the dense part of
 * the model is replicated over {@code DP·CP} GPUs, the routed experts over the expert-data-parallel degree
 * {@code DP·TP·CP / (EP·ETP)} (Megatron-LM's expert parallel groups), so {@code EP·ETP} must divide {@code DP·TP·CP}.
 */
public record ParallelLayout(int dp, int tp, int pp, int ep, int etp, int cp) {

    public static final int MAX_DEGREE = 1 << 20;

    public ParallelLayout {
        positive("layout.dp", dp);
        positive("layout.tp", tp);
        positive("layout.pp", pp);
        positive("layout.ep", ep);
        positive("layout.etp", etp);
        positive("layout.cp", cp);
        long plane = (long) dp * tp * cp;
        if (plane % ((long) ep * etp) != 0) {
            throw new LayoutException("layout.ep", "EP·ETP (" + (long) ep * etp + ") must divide DP·TP·CP (" + plane + ")");
        }
        if ((long) dp * tp * pp * cp > MAX_DEGREE) {
            throw new LayoutException("layout.dp", "DP·TP·PP·CP must be at most " + MAX_DEGREE + " GPUs");
        }
    }

    /** Dense, no expert or context parallelism. */
    public static ParallelLayout of(int dp, int tp, int pp) {
        return new ParallelLayout(dp, tp, pp, 1, 1, 1);
    }

    private static void positive(String field, int v) {
        if (v < 1) {
            throw new LayoutException(field, "must be positive");
        }
        if (v > MAX_DEGREE) {
            throw new LayoutException(field, "must be at most " + MAX_DEGREE);
        }
    }

    /** GPUs used, {@code DP·TP·PP·CP}. */
    public long gpus() {
        return (long) dp * tp * pp * cp;
    }

    /** GPUs holding one copy of a dense parameter shard: {@code DP·CP}. */
    public long denseReplicas() {
        return (long) dp * cp;
    }

    /** GPUs holding one copy of an expert shard: {@code DP·TP·CP / (EP·ETP)}. */
    public long expertReplicas() {
        return (long) dp * tp * cp / ((long) ep * etp);
    }

    /** {@code TP·PP}: the model-parallel size the layout search ranks by. */
    public long modelParallel() {
        return (long) tp * pp;
    }

    /** Short label, e.g. {@code DP 64 · TP 2 · PP 4 · EP 8 · ETP 1}. */
    public String label() {
        return "DP " + dp + " · TP " + tp + " · PP " + pp + " · EP " + ep + " · ETP " + etp + (cp > 1 ? " · CP " + cp : "");
    }
}
