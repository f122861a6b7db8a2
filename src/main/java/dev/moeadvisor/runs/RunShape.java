package dev.moeadvisor.runs;

import dev.moeadvisor.shape.ModelShape;

/**
 * The {@link ModelShape} a run row describes, with the defaults of a run file (one place for them): sequence length
 * 2048, head size {@code d_model/n_heads}, the first {@code dense_layers} layers dense (default 0 for an moe run),
 * one shared expert of width {@code d_shared} when {@code d_shared > 0}, key/value heads = heads, vocabulary 1
 * (embeddings are outside N).
 */
final class RunShape {

    private RunShape() {
    }

    static int seqLen(RunInput in) {
        return in.seqLen() != null ? in.seqLen() : RunValidator.DEFAULT_SEQ_LEN;
    }

    /** {@code d_head}, else {@code d_model/n_heads} (the validator requires d_head when that is not whole). */
    static int dHead(RunInput in) {
        return in.dHead() != null ? in.dHead() : in.dModel() / in.nHeads();
    }

    /** @throws dev.moeadvisor.shape.InvalidShapeException naming each shape field the row gets wrong */
    static ModelShape of(RunKind kind, RunInput in) {
        ModelShape.Builder b = ModelShape.builder().vocabSize(1).tiedEmbeddings(true).seqLen(seqLen(in))
                .layers(in.nLayers()).dModel(in.dModel()).heads(in.nHeads()).headDim(dHead(in))
                .dFfn(in.dFfn() == null ? 0 : in.dFfn());
        if (kind == RunKind.MOE) {
            int shared = in.dShared() == null ? 0 : in.dShared();
            b.denseLayers(in.denseLayers() == null ? 0 : in.denseLayers()).experts(in.experts()).topK(in.topK())
                    .dExpert(in.dExpert()).sharedExperts(shared > 0 ? 1 : 0).dShared(shared);
        } else {
            b.denseLayers(in.nLayers());
        }
        return b.build();
    }
}
