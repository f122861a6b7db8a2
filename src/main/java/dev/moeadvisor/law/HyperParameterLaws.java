package dev.moeadvisor.law;

/**
 * The two hyper-parameter laws the advisor reports side by side.
 *
 * <ul>
 *   <li>Ling (arXiv 2507.17702, Eq. 3), for MoE: {@code lr_opt = 1.1576·C^−0.1529},
 *       {@code batch_opt = 0.0694·C^0.3644} tokens, with {@code C} training FLOPs.</li>
 *   <li>Step Law (arXiv 2503.04715): {@code lr = 1.79·N^−0.713·D^0.307}, {@code batch = 0.58·D^0.571} tokens,
 *       with {@code N} non-embedding parameters (active ones for an MoE) and {@code D} tokens.</li>
 * </ul>
 */
public final class HyperParameterLaws {

    public static final String LING_ID = "ling-2025-hparams";
    public static final String STEP_ID = "step-law-2025";

    static final PowerLaw LING_LR = new PowerLaw(1.1576, -0.1529);
    static final PowerLaw LING_BATCH = new PowerLaw(0.0694, 0.3644);
    static final double STEP_LR_COEFF = 1.79;
    static final double STEP_LR_N_EXP = -0.713;
    static final double STEP_LR_D_EXP = 0.307;
    static final PowerLaw STEP_BATCH = new PowerLaw(0.58, 0.571);

    /**
     * Step Law's grid searches span models of about 60M to 1B non-embedding parameters trained on up to about
     * 100B tokens (arXiv 2503.04715, Fig. 1 and §3); beyond those, a prediction is an extrapolation.
     */
    static final Range STEP_PARAMS = new Range(6e7, 1.1e9);
    static final Range STEP_TOKENS = new Range(1e9, 1.1e11);

    private HyperParameterLaws() {
    }

    public static HyperParameters ling(double computeFlops) {
        return new HyperParameters(LING_ID, LING_LR.value(computeFlops), LING_BATCH.value(computeFlops),
                !AllocationLaw.LING_COMPUTE.contains(computeFlops), Citation.LING.at("Eq. 3"));
    }

    public static HyperParameters step(double nonEmbeddingParams, double tokens) {
        double lr = STEP_LR_COEFF * Math.pow(nonEmbeddingParams, STEP_LR_N_EXP) * Math.pow(tokens, STEP_LR_D_EXP);
        boolean outside = !STEP_PARAMS.contains(nonEmbeddingParams) || !STEP_TOKENS.contains(tokens);
        return new HyperParameters(STEP_ID, lr, STEP_BATCH.value(tokens), outside, Citation.STEP.at("Eq. 1–2"));
    }
}
