package dev.moeadvisor.fit;

import dev.moeadvisor.law.DenseLossLaw;
import dev.moeadvisor.law.EfficiencyLeverageLaw;
import dev.moeadvisor.law.MoeLossModel;
import dev.moeadvisor.runs.BundledRuns;
import dev.moeadvisor.runs.TrainingRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wall time of whole fits (single shot: a fit is seconds long). Run with {@code src/test/scripts/bench-fit.sh}; figures in
 * the README (Performance).
 * <ul>
 *   <li>{@code bundled}: arXiv 2506.12119 Tables 9–13 (50 runs), default options: 32 starts, leave-one-out, 200
 *       bootstrap resamples;</li>
 *   <li>{@code synthetic10k}: 10,000 synthetic runs ({@link SyntheticRuns}), 32 starts, no leave-one-out
 *       (10,000 refits would be pointless at that size), with 0 or 200 bootstrap resamples.</li>
 * </ul>
 * Both at 1 and 2 threads ({@link FitOptions#parallelism()}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@State(Scope.Benchmark)
public class FitBenchmark {

    @Param({"1", "2"})
    public int threads;

    private List<TrainingRun> bundled;
    private List<FitPoint> synthetic;

    @Setup(Level.Trial)
    public void load() {
        bundled = BundledRuns.equalResources2025().stream().filter(r -> r.table() >= 9 && r.table() <= 13).toList();
        synthetic = SyntheticRuns.generate(new MoeLossModel(DenseLossLaw.EPOCH, EfficiencyLeverageLaw.LING_2025),
                10_000, 0.002, 42);
    }

    @Benchmark
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    public FitResult bundled() {
        return new LossModelFitter().fit(FitProblem.of(bundled, FitOptions.defaults().withParallelism(threads)));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public FitResult synthetic10k() {
        return fitSynthetic(0);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public FitResult synthetic10kBootstrap200() {
        return fitSynthetic(200);
    }

    private FitResult fitSynthetic(int resamples) {
        FitOptions options = FitOptions.defaults().withLeaveOneOut(false).withBootstrapResamples(resamples)
                .withParallelism(threads);
        return new LossModelFitter().fit(FitProblem.ofPoints(synthetic, "loss", FitParameter.defaultPins(), options));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(FitBenchmark.class.getName() + "\\..*"
                + (args.length > 0 ? args[0] : "")).build()).run();
    }
}
