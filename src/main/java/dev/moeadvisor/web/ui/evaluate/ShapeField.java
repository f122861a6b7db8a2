package dev.moeadvisor.web.ui.evaluate;

import java.util.function.Function;

/**
 * The shape fields of the evaluate form, in form order: the name shared with the JSON API's {@code shape} object,
 * the label shown, a hint about defaults, and the form component holding the user's text.
 */
public enum ShapeField {
    VOCAB_SIZE("vocabSize", "Vocabulary V", "", Group.BACKBONE, EvaluateForm::vocabSize),
    SEQ_LEN("seqLen", "Sequence length S", "", Group.BACKBONE, EvaluateForm::seqLen),
    LAYERS("layers", "Layers L", "", Group.BACKBONE, EvaluateForm::layers),
    DENSE_LAYERS("denseLayers", "Dense first layers", "blank: 0", Group.BACKBONE, EvaluateForm::denseLayers),
    D_MODEL("dModel", "d_model", "", Group.BACKBONE, EvaluateForm::dModel),
    HEADS("heads", "Query heads", "", Group.BACKBONE, EvaluateForm::heads),
    KV_HEADS("kvHeads", "Key/value heads", "blank: = heads", Group.BACKBONE, EvaluateForm::kvHeads),
    HEAD_DIM("headDim", "Head size d_head", "blank: d_model / heads", Group.BACKBONE, EvaluateForm::headDim),
    D_FFN("dFfn", "Dense FFN width d_ffn", "for dense layers", Group.BACKBONE, EvaluateForm::dFfn),
    EXPERTS("experts", "Routed experts E", "0: dense model", Group.EXPERTS, EvaluateForm::experts),
    TOP_K("topK", "Routed experts per token k", "", Group.EXPERTS, EvaluateForm::topK),
    SHARED_EXPERTS("sharedExperts", "Shared experts E_s", "blank: 0", Group.EXPERTS, EvaluateForm::sharedExperts),
    D_EXPERT("dExpert", "Expert width d_expert", "", Group.EXPERTS, EvaluateForm::dExpert),
    D_SHARED("dShared", "Shared expert width d_shared", "blank: = d_expert", Group.EXPERTS, EvaluateForm::dShared);

    /** Which fieldset a field sits in. */
    enum Group { BACKBONE, EXPERTS }

    private final String field;
    private final String label;
    private final String hint;
    private final Group group;
    private final Function<EvaluateForm, String> text;

    ShapeField(String field, String label, String hint, Group group, Function<EvaluateForm, String> text) {
        this.field = field;
        this.label = label;
        this.hint = hint;
        this.group = group;
        this.text = text;
    }

    /** The form parameter name, also the API's {@code shape.<field>}. */
    String field() {
        return field;
    }

    String label() {
        return label;
    }

    String hint() {
        return hint;
    }

    Group group() {
        return group;
    }

    /** The text the user typed into this field. */
    String text(EvaluateForm form) {
        return text.apply(form);
    }
}
