package dev.moeadvisor.plan;

import dev.moeadvisor.law.family.Axis;
import dev.moeadvisor.law.family.ChinchillaOptimum;
import dev.moeadvisor.law.family.ImpliedLeverage;
import dev.moeadvisor.law.family.JointMoeLaw;
import dev.moeadvisor.law.family.KrajewskiLaw;
import dev.moeadvisor.law.family.LawFamilies;
import dev.moeadvisor.law.family.LawPoint;
import dev.moeadvisor.law.family.LingComposedLaw;
import dev.moeadvisor.law.family.MoeLawFamily;
import dev.moeadvisor.shape.ModelShape;
import dev.moeadvisor.shape.ShapeMetrics;
import org.junit.jupiter.api.Test;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plan ranked by a law family ({@link FamilyPlanner}) against a reference written here: every shape of a small
 * grid built and scored one by one with the law ({@code law.loss(law.point(shape, C))}), feasibility judged from the
 * request directly. The recommendation's loss is the least of the reference, its EL the law's implied EL for that
 * shape ({@link ImpliedLeverage#of}), and its counts those of the reference walk.
 */
class FamilyPlannerTest {

    /** A small grid: 1e20 FLOPs, up to 64 experts, top-2..4, widths on a coarse multiple. */
    static PlanRequest small(double computeFlops) {
        return PlanRequest.builder(computeFlops, PlanRequest.AMPLE).maxExperts(64).topK(2, 4).dModelMultiple(256)
                .dExpertMultiple(128).build();
    }

    /**
     * The reference: least loss and feasible count over every MoE shape of the grid, each built and scored, widths
     * growing until a whole d_model has no shape with as many tokens as active parameters.
     */
    record Reference(double bestLoss, ModelShape best, long evaluated, long feasible) {
    }

    static Reference walk(MoeLawFamily law, PlanRequest r) {
        SearchSpace space = new SearchSpace(r);
        double c = r.computeFlops();
        double bestLoss = Double.POSITIVE_INFINITY;
        ModelShape best = null;
        long evaluated = 0;
        long feasible = 0;
        for (int dModel : space.dModels()) {
            boolean trainable = false;
            for (int layers : space.layers(dModel)) {
                for (int dExpert : space.expertWidths(dModel)) {
                    for (int dense = r.minDenseLayers(); dense <= space.maxDenseLayers(layers); dense++) {
                        for (int k : space.topKs()) {
                            for (int e : space.experts()) {
                                if (e <= k || !space.buildable(dense, dExpert, k)) {
                                    continue;
                                }
                                ModelShape s = space.moe(dModel, layers, dense, dExpert, e, k);
                                ShapeMetrics m = ShapeMetrics.of(s);
                                LawPoint p = law.point(s, c);
                                evaluated++;
                                boolean enoughTokens = p.get(Axis.TOKENS) >= m.activeParams();
                                trainable |= enoughTokens;
                                boolean ok = enoughTokens
                                        && m.totalParams() <= r.maxTotalParams()
                                        && m.activationRatioLing() >= r.bounds().minActivationRatio()
                                        && e % r.expertParallelDegree() == 0;
                                if (!ok) {
                                    continue;
                                }
                                feasible++;
                                double loss = law.loss(p);
                                if (loss < bestLoss) {
                                    bestLoss = loss;
                                    best = s;
                                }
                            }
                        }
                    }
                }
            }
            if (!trainable) {
                break;   // wider shapes have fewer tokens still (the brute force's stop rule)
            }
        }
        return new Reference(bestLoss, best, evaluated, feasible);
    }

    @Test
    void recommendationIsTheLeastLossOfTheWalkUnderEachLawWithTheLawsImpliedEl() {
        for (double c : new double[] {1e20}) {
            PlanRequest r = small(c);
            for (MoeLawFamily law : LawFamilies.PUBLISHED) {
                PlanResult plan = new FamilyPlanner(law).plan(r, SearchLimits.NONE);
                Reference ref = walk(law, r);
                Candidate rec = plan.recommended();
                String what = law.id() + " at " + c;
                assertTrue(rec.isMoe(), what);
                assertTrue(rec.loss() <= ref.bestLoss() * (1 + 1e-12), what + ": " + rec.loss() + " > " + ref.bestLoss());
                assertEquals(law.loss(law.point(rec.shape(), c)), rec.loss(), 0, what);
                ImpliedLeverage implied = ImpliedLeverage.of(law, rec.shape(), c);
                assertEquals(implied.leverage(), rec.efficiencyLeverage(), 1e-12 * implied.leverage(), what);
                assertEquals(!implied.inRange(), rec.extrapolated(), what);
                assertEquals(law.point(rec.shape(), c).get(Axis.TOKENS), rec.tokens(), 0, what);
                // under a family, EL·C is the compute its compute-optimal dense model needs for the MoE's loss
                assertEquals(ChinchillaOptimum.computeForLoss(law.dense(), rec.loss()),
                        plan.dense().orElseThrow().computeToMatchByEl(), 1e-9 * c * rec.efficiencyLeverage(), what);
                assertEquals(ref.feasible(), plan.rejections().feasible(), what);
                assertTrue(plan.uncertainty().isEmpty() && plan.paired().isEmpty(), what);
            }
        }
    }

    @Test
    void constraintsHoldAndTheLawsDisagreeOnTheShape() {
        PlanRequest capped = small(1e21).toBuilder().maxTotalParams(2e9).build();
        PlanResult k = new FamilyPlanner(KrajewskiLaw.PUBLISHED).plan(capped, SearchLimits.NONE);
        PlanResult j = new FamilyPlanner(JointMoeLaw.PUBLISHED).plan(capped, SearchLimits.NONE);
        assertTrue(k.recommended().totalParams() <= 2e9 && j.recommended().totalParams() <= 2e9);
        assertEquals(walk(KrajewskiLaw.PUBLISHED, capped).bestLoss(), k.recommended().loss(),
                1e-12 * k.recommended().loss());
        // Krajewski's loss falls with total parameters and granularity; the joint law's with active parameters:
        // under one grid they pick different shapes
        assertFalse(k.recommended().shape().equals(j.recommended().shape()));
    }

    @Test
    void lingFamilyRanksLikeItsComposedModel() {
        // Ling's family scores a shape with the same composed model the planner ranks with (tokens C/M, the advisor's
        // FLOP model), so both searches find the same loss for the best MoE
        PlanRequest r = small(1e21);
        Candidate family = new FamilySearch(new SearchSpace(r), LingComposedLaw.WITH_CHINCHILLA, SearchLimits.NONE).moe()
                .best().orElseThrow();
        Candidate planner = new ShapeSearch(new SearchSpace(r), LingComposedLaw.WITH_CHINCHILLA.model()).moe().best()
                .orElseThrow();
        assertEquals(planner.loss(), family.loss(), 1e-12 * planner.loss());
    }

    @Test
    void boundedLikePlans() {
        PlanRequest r = small(1e20);
        assertThrows(PlanTooLargeException.class, () -> new FamilyPlanner(KrajewskiLaw.PUBLISHED)
                .plan(r, new SearchLimits(10, Long.MAX_VALUE, () -> false, System::nanoTime)));
        BooleanSupplier cancelled = () -> true;
        assertThrows(PlanAbortedException.class, () -> new FamilyPlanner(KrajewskiLaw.PUBLISHED)
                .plan(r, new SearchLimits(Long.MAX_VALUE, Long.MAX_VALUE, cancelled, System::nanoTime)));
    }

    @Test
    void aFamilyPlanSaysWhatTheLawImpliesNotWhatLingsElLawGives() {
        PlanRequest r = small(1e20);
        for (MoeLawFamily law : LawFamilies.PUBLISHED) {
            PlanResult plan = new FamilyPlanner(law).plan(r, SearchLimits.NONE);
            Candidate rec = plan.recommended();
            String all = String.join("\n", plan.rationale());
            String what = law.id() + ": " + all;
            assertTrue(rec.isMoe(), what);
            // EL under a family is the law's implied EL (ImpliedLeverage), and its extrapolation the law's ranges
            assertTrue(all.contains(law.name() + " implies EL = " + Fmt.num(ImpliedLeverage.of(law, rec.shape(),
                    1e20).leverage()) + ": the law's compute-optimal dense model"), what);
            assertFalse(all.contains("the EL law gives"), what);
            assertFalse(all.contains("(an extrapolation)"), what);
            assertEquals(rec.extrapolated(), all.contains("(outside the law's fitted ranges)"), what);
            // the search bounds were not probed, and the plan says so rather than "no search bound held back"
            assertFalse(all.contains("No constraint or search bound held back"), what);
            assertTrue(plan.searchBounds().isEmpty(), what);
            assertTrue(plan.warnings().stream().anyMatch(w -> w.code().equals("search-bounds-not-probed")
                    && w.message().equals("Under " + law.name() + " " + FamilyPlanner.BOUNDS_NOT_PROBED + ".")), what);
        }
        // the composed model's own plan keeps Ling's wording: its EL is Ling's EL law, its bounds are probed
        PlanResult ling = new Planner(LingComposedLaw.WITH_CHINCHILLA.model()).plan(r, java.util.List.of(),
                SearchLimits.NONE);
        String all = String.join("\n", ling.rationale());
        assertTrue(all.contains("; the EL law gives EL = " + Fmt.num(ling.recommended().efficiencyLeverage())
                + ": a dense model would need about that many times the compute for the same loss"), all);
        assertFalse(all.contains("implies EL"), all);
        assertFalse(ling.hasWarning("search-bounds-not-probed"));
    }

    @Test
    void theOutsideWarningNamesTheLawsFittedRangesUnderAFamilyAndTheModelsRunsElse() {
        MoeLawFamily law = KrajewskiLaw.PUBLISHED;
        PlanResult plan = new FamilyPlanner(law).plan(small(1e21), SearchLimits.NONE);
        // the law's own verdicts, described in its words (as the service applies them: LossModelChoice.outsideOfShape)
        LawPoint point = law.point(plan.recommended().shape(), 1e21);
        java.util.List<dev.moeadvisor.envelope.Outside> outside = law.check(point).stream().filter(c -> !c.inRange())
                .map(c -> dev.moeadvisor.envelope.EvidenceEnvelope.outsideOn(c.axis().key(), c.value(), c.range())
                        .orElseThrow().describedAs(c.words(law.axisName(c.axis())))).toList();
        assertFalse(outside.isEmpty(), "at 1e21 FLOPs Krajewski's recommendation lies outside its fitted ranges");
        String words = law.outsideInWords(law.check(point));
        PlanWarning w = plan.withOutside(outside).warnings().stream().filter(x -> x.code().equals("outside-evidence"))
                .findFirst().orElseThrow();
        assertEquals("The recommendation lies outside the fitted ranges of " + plan.lossModel() + ": " + words + ".",
                w.message());
        assertTrue(plan.lossModel().startsWith(law.name()), plan.lossModel());
        // the envelope's own axes (a model's runs) keep their wording
        PlanWarning runs = plan.withOutside(java.util.List.of(new dev.moeadvisor.envelope.Outside("computeFlops", 1e21,
                new double[] {1e18, 1e20}, 10))).warnings().stream().filter(x -> x.code().equals("outside-evidence"))
                .findFirst().orElseThrow();
        assertEquals("The recommendation lies outside the model's runs: compute 10× above the largest run.",
                runs.message());
    }

    /** N minimising {@code law.loss(N, C/(6N))}, by golden-section search on log N: the brute-force optimum. */
    static double bruteForceOptimalParams(dev.moeadvisor.law.DenseLossLaw dense, double c) {
        double lo = Math.log(1e6);
        double hi = Math.log(1e13);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (dense.loss(Math.exp(a), c / (6 * Math.exp(a))) < dense.loss(Math.exp(b), c / (6 * Math.exp(b)))) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    @Test
    void theLawsOwnAllocationCheckIsItsDenseCounterpartsOptimumWithItsCounterpartShape() {
        double c = 1e20;
        PlanRequest r = PlanRequest.builder(c, PlanRequest.AMPLE).build();
        for (MoeLawFamily law : LawFamilies.PUBLISHED) {
            FamilySearch search = new FamilySearch(new SearchSpace(r), law, SearchLimits.NONE);
            PlanResult plan = new FamilyPlanner(law).plan(r, SearchLimits.NONE);
            Candidate rec = plan.recommended();
            LawAllocation own = LawAllocation.of(search, rec);
            double nOpt = bruteForceOptimalParams(law.dense(), c);
            String what = law.id();
            assertEquals(nOpt, own.optimalParams(), 1e-6 * nOpt, what);
            assertEquals(c / (6 * nOpt), own.optimalTokens(), 1e-6 * c / (6 * nOpt), what);
            assertEquals(rec.tokens() / own.optimalTokens(), own.ratio(), 1e-12, what);
            assertEquals(own.ratio() > 2 || own.ratio() < 0.5, own.far(), what);
            assertTrue(plan.rationale().contains(own.inWords()), what);
            assertTrue(own.inWords().startsWith(law.name() + "'s own compute-optimal dense model at this compute"), what);
            assertTrue(own.inWords().contains("D_opt = " + Fmt.count(c / (6 * nOpt)) + " tokens"), what);
            assertEquals(own.far(), plan.hasWarning("law-allocation-far"), what);
            if (own.far()) {
                // the same configuration at another width, nearer the law's D_opt, scored by the law
                Candidate o = own.computeOptimal().orElseThrow();
                assertEquals(rec.shape().experts(), o.shape().experts(), what);
                assertEquals(rec.shape().topK(), o.shape().topK(), what);
                assertEquals(rec.shape().sharedExperts(), o.shape().sharedExperts(), what);
                assertFalse(o.shape().dModel() == rec.shape().dModel(), what);
                assertTrue(Math.abs(Math.log(o.tokens() / own.optimalTokens()))
                        < Math.abs(Math.log(rec.tokens() / own.optimalTokens())), what);
                assertEquals(law.loss(law.point(o.shape(), c)), o.loss(), 0, what);
                assertEquals(o.loss() - rec.loss(), own.lossDifference(), 0, what);
                assertTrue(own.inWords().contains("is predicted by the law at " + Fmt.loss(o.loss())), what);
            } else {
                assertTrue(own.computeOptimal().isEmpty(), what);
            }
        }
    }
}
