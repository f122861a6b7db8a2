package dev.moeadvisor.fit;

/** Minimises a {@link HuberObjective} from one starting point. */
interface LocalOptimizer {

    LocalFit minimize(HuberObjective objective, double[] start, int maxIterations);

    static LocalOptimizer of(FitMethod method) {
        return switch (method) {
            case LEVENBERG_MARQUARDT_IRLS -> new IrlsLevenbergMarquardt();
            case BOBYQA -> new BobyqaHuber();
        };
    }
}
