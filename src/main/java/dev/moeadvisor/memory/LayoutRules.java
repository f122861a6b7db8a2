package dev.moeadvisor.memory;

import dev.moeadvisor.shape.ModelShape;

import java.util.Optional;

/**
 * Whether a layout can split a shape evenly, as Megatron-LM requires: TP divides the heads, the key/value heads
 * (GQA query groups; not for MLA) and the FFN widths; ETP divides the expert width; EP divides the routed experts;
 * PP divides the layers; CP divides the sequence length.
 */
public final class LayoutRules {

    private LayoutRules() {
    }

    /** The first rule the layout breaks for this shape, or empty. */
    public static Optional<LayoutException> violation(ModelShape s, ParallelLayout l, int seqLen) {
        if (s.heads() % l.tp() != 0) {
            return fail("layout.tp", "TP (" + l.tp() + ") must divide the attention heads (" + s.heads() + ")");
        }
        if (s.mla() == null && s.kvHeads() % l.tp() != 0) {
            return fail("layout.tp", "TP (" + l.tp() + ") must divide the key/value heads (" + s.kvHeads() + ")");
        }
        if (s.denseFfnLayers() > 0 && s.dFfn() % l.tp() != 0) {
            return fail("layout.tp", "TP (" + l.tp() + ") must divide dFfn (" + s.dFfn() + ")");
        }
        if (s.isMoe()) {
            if (s.experts() % l.ep() != 0) {
                return fail("layout.ep", "EP (" + l.ep() + ") must divide the routed experts (" + s.experts() + ")");
            }
            if (s.dExpert() % l.etp() != 0) {
                return fail("layout.etp", "ETP (" + l.etp() + ") must divide dExpert (" + s.dExpert() + ")");
            }
            if (s.sharedExperts() > 0 && s.dShared() % l.tp() != 0) {
                return fail("layout.tp", "TP (" + l.tp() + ") must divide dShared (" + s.dShared() + ")");
            }
        } else if (l.ep() != 1 || l.etp() != 1) {
            return fail(l.ep() != 1 ? "layout.ep" : "layout.etp", "must be 1 for a dense model");
        }
        if (s.layers() % l.pp() != 0) {
            return fail("layout.pp", "PP (" + l.pp() + ") must divide the layers (" + s.layers() + ")");
        }
        if (seqLen % l.cp() != 0) {
            return fail("layout.cp", "CP (" + l.cp() + ") must divide the sequence length (" + seqLen + ")");
        }
        return Optional.empty();
    }

    /** Whether the layout splits the shape evenly: {@link #violation} is empty (without building messages). */
    public static boolean allows(ModelShape s, ParallelLayout l, int seqLen) {
        return allows(s, s.isMoe(), s.denseFfnLayers() > 0, l, seqLen);
    }

    /** {@link #allows(ModelShape, ParallelLayout, int)} with the shape's layer counts worked out once by the caller. */
    static boolean allows(ModelShape s, boolean moe, boolean anyDenseFfn, ParallelLayout l, int seqLen) {
        int tp = l.tp();
        boolean attention = s.heads() % tp == 0 && (s.mla() != null || s.kvHeads() % tp == 0);
        boolean ffn = !anyDenseFfn || s.dFfn() % tp == 0;
        boolean experts = moe
                ? s.experts() % l.ep() == 0 && s.dExpert() % l.etp() == 0
                && (s.sharedExperts() == 0 || s.dShared() % tp == 0)
                : l.ep() == 1 && l.etp() == 1;
        return attention && ffn && experts && s.layers() % l.pp() == 0 && seqLen % l.cp() == 0;
    }

    /** Throws the first violation. */
    public static void check(ModelShape s, ParallelLayout l, int seqLen) {
        Optional<LayoutException> v = violation(s, l, seqLen);
        if (v.isPresent()) {
            throw v.get();
        }
    }

    private static Optional<LayoutException> fail(String field, String message) {
        return Optional.of(new LayoutException(field, message));
    }
}
