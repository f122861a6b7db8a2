package dev.moeadvisor.law;

/**
 * Diminishing value of repeated data (Muennighoff et al., arXiv 2305.16264, Eq. 5):
 *
 * <pre>  D_eff = U + U·R*·(1 − exp(−R/R*)),   R = D/U − 1 when D &gt; U, else D_eff = D</pre>
 *
 * with {@code U} unique tokens, {@code D} consumed tokens and {@code R* = 15.39} (their fitted value).
 */
public final class DataRepetition {

    /** R*_D, Muennighoff et al. (arXiv 2305.16264), §5 fitted value. */
    public static final double R_STAR = 15.39;

    private DataRepetition() {
    }

    /** Effective tokens; {@code uniqueTokens ≤ 0} or NaN means unlimited unique data. */
    public static double effectiveTokens(double tokens, double uniqueTokens) {
        return effectiveTokens(tokens, uniqueTokens, R_STAR);
    }

    public static double effectiveTokens(double tokens, double uniqueTokens, double rStar) {
        if (!(uniqueTokens > 0) || tokens <= uniqueTokens) {
            return tokens;
        }
        double repeats = tokens / uniqueTokens - 1.0;
        return uniqueTokens + uniqueTokens * rStar * (1.0 - Math.exp(-repeats / rStar));
    }
}
