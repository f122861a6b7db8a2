/**
 * The planner: from a compute budget and a data budget (with optional constraints) it searches real shapes, ranks
 * them by predicted loss and recommends one, with alternatives, a dense baseline, references, warnings and reasons.
 * Plain Java: no framework imports.
 *
 * <h2>Entry points</h2>
 * {@link dev.moeadvisor.plan.Planner#plan(PlanRequest)} (optionally with bootstrap loss models for intervals) returns
 * a {@link dev.moeadvisor.plan.PlanResult} or throws {@link dev.moeadvisor.plan.InfeasiblePlanException} carrying the
 * binding constraint's stable id; {@link dev.moeadvisor.plan.PlanSweep} runs up to 400 budgets and reports an
 * infeasible budget as a row. Requests are validated on construction
 * ({@link dev.moeadvisor.plan.PlanRequestException} names the field).
 *
 * <h2>Ranking</h2>
 * Every shape is counted by {@link dev.moeadvisor.shape.ShapeMetrics} and scored by
 * {@link dev.moeadvisor.law.MoeLossModel#loss}, the single definition of the loss model: tokens {@code D = C/M}
 * ({@code M} training FLOPs per token), repetition over {@code U} unique tokens discounted as in Muennighoff et al.
 * (arXiv 2305.16264), EL from Ling et al. (arXiv 2507.17702, Eq. 13). Lower loss first; ties (within a relative
 * 1e-12) go to fewer total parameters.
 *
 * <h2>Search space and its sources</h2>
 * By default the space is the evidence of the papers (each bound can be widened in the request; the plan then
 * warns): Ling's activation ratio {@code A = (k+s)/(E+s) ≥ 1/128} (the sparsest of Ling's runs), granularity
 * {@code 2 ≤ G = 2·d_model/d_expert ≤ 16} (Ling's tested range; optimum about 8–12), {@code k ≥ 2} (arXiv 2506.12119
 * Table 7: top-1 routing is worse at equal activation), {@code k ≤ 8}, one shared expert (Ling's "one shared expert"
 * rule; the EL law has no term for sharing, so a search would otherwise never pick one), {@code E ≤ 512},
 * {@code 48 ≤ d_model/L ≤ 128} (arXiv 2506.12119: 60–120 fine, about 85 chosen), 0–3 dense first layers (Ling: 1–3 of
 * 60 help at larger budgets).
 *
 * <p>The grid is exhaustive over a discretisation by integer ladders ({@code 2^b} values per octave, see
 * {@code Ladder}): {@code d_model} multiples of 128 from 512, 4 per octave; {@code L} 2 per octave inside the aspect
 * band (with {@code d_model} this already places {@code N} at steps well under 25%); {@code d_expert} multiples of 64
 * inside the granularity band, 4 per octave; {@code E} 2 per octave (…, 96, 128, 192, 256, 384, 512) plus the same
 * ladder times the expert-parallel degree; every {@code k} and every dense-layer count of the ranges. Widths grow
 * until a whole {@code d_model} block has fewer training tokens than active parameters. At 1e22 FLOPs that is about
 * 82,000 shapes (see the README, Performance). Grid points no shape can hold (dense first layers wider than
 * {@code ModelShape.MAX_WIDTH}) are skipped, so every compute a request may give (up to 1e32 FLOPs) plans. The loss depends on a shape only
 * through {@code N_active}, {@code M}, {@code A} and {@code G} (and {@code N_total} through the constraints), so the
 * redundancy of {@code d_model} and {@code L} lets coarse ladders cover those quantities finely.
 *
 * <h2>Search method (exhaustive answer, few shapes built)</h2>
 * {@code ShapeSearch} returns exactly what visiting every grid point with {@link dev.moeadvisor.shape.ShapeMetrics}
 * and {@code MoeLossModel.loss} returns — the ranked best shape of each (E, k), every rejection count, the binding
 * constraint — without building most shapes and without scoring most of them:
 * <ul>
 *   <li><b>Counting by arithmetic.</b> {@code GridCounts}, one per (d_model, L) block (its attention parameters and
 *       FLOPs from one shape of the block), gives {@code N_total}, {@code N_active} and {@code M = 3·(2·N_active +
 *       attention FLOPs)} of a point as sums of exact integers (equal to {@code ShapeMetrics}' to the bit, checked on
 *       every point of several grids by {@code GridCountsTest}). What depends on the dense-layer count alone (the
 *       MoE-layer count {@code n_moe} and {@code L·attn + (L − n_moe)·3·d·d_ffn}) is computed once per
 *       (d_expert, k) row, what depends on E ({@code 3·d·E·d_expert + …}) once per E; no object is allocated per
 *       point, and a failure set is counted by one increment of its histogram cell (counts per constraint are summed
 *       from the 2^7 cells at the end).</li>
 *   <li><b>EL once per (A, G) and layout.</b> The loss is {@code L(N_active, D) = E + A_N/(EL(A,G,C)·N_active)^α +
 *       B_D/D_eff(D, U)^β} (Hoffmann et al. Eq. 2 with Ling's Eq. 13 EL and the repetition discount of Muennighoff et
 *       al. Eq. 5; {@code MoeLossModel.lossAtLeverage}), and {@code EL = Â^(α(C) + γ·(log₂ G)² + β·log₂ G)} depends on
 *       the point only through {@code (A, G)} at the plan's compute. Its values sit in tables per bucket layout (the E
 *       and k ladders, with the shared-expert rule that fixes A from (E, k)), one array of buckets per G, filled on
 *       first use with one power each: the exponent is computed once per (d_model, width), so no logarithm is taken
 *       per pair and no map of pairs is kept ({@code ShapeSearch.Leverages}; the same double as
 *       {@code EfficiencyLeverageLaw.value}). The searches of one plan over the same layout (its search and the bound
 *       probes that move another bound) share the tables, and each d_model's arrays are looked up once, not once per
 *       (d_model, L) block.</li>
 *   <li><b>Bounds from monotonicity.</b> {@code L} falls as {@code EL·N_active} grows and as {@code D_eff} grows, and
 *       {@code D_eff} grows with {@code D = C/M}. So over any set of points {@code L(max EL · max N_active,
 *       D_eff(C / min M))} is a lower bound of every loss in it. A (d_expert, k) row and each (E, k) group of
 *       dense-layer variants are bounded so; a set whose bound (lowered by a relative 1e-9 against rounding) lies
 *       above its cutoff is counted but not scored. The cutoff is the bucket's best so far (feasible points) or the
 *       best feasible loss (points failing one constraint, whose losses only matter below the recommendation's), and
 *       seeded before the search from one block of a shape the search certainly visits (one scored shape per
 *       (d_expert, k, E) of it), so pruning starts at once. The bounds of one row share one data term
 *       {@code B_D/D_eff^β}, at the row's least M ({@code MoeLossModel.lossWithDataTerm}), so each costs one power.</li>
 *   <li><b>Groups counted whole.</b> Over one E's dense-layer variants {@code N_total} and {@code N_active} lie
 *       between their values at the two ends of the dense range, and every size constraint is monotone in one of them
 *       (tokens and epochs fall as {@code N_active} grows; the memory cap bounds {@code N_total}; the fixed size is a
 *       window, failed on one side). When the two ends fail the same constraints ({@code Tally.sizeFailuresBetween}),
 *       every variant does, with the E's own (expert parallelism, least A), and when none of them is scored or the
 *       group's bound lies above their cutoff, the group is counted by one addition per cell instead of point by
 *       point. Most groups are; the rest are visited point by point as before.</li>
 *   <li><b>Bound probes count nothing.</b> A probe asks only for the best shape of a relaxed grid below the plan's
 *       own loss ({@code bestMoeBelow}): it needs no counts, so a whole row is skipped before anything in it is
 *       counted when its bound (extremes taken at the ends of the dense range and at the smallest and largest E,
 *       where {@code N_active}, affine in {@code n_moe} and growing with E through the router, has them) lies above
 *       the plan's loss; a row's "enough tokens" flag, which decides where widths stop, is read from its point of
 *       least {@code N_active}.</li>
 *   <li><b>Shapes built for bests only.</b> A bucket's best is kept as grid coordinates; its
 *       {@link dev.moeadvisor.shape.ModelShape} and {@code ShapeMetrics} are built once at the end (and for the GPU
 *       memory check, which needs a shape).</li>
 * </ul>
 * {@code FastSearchEquivalenceTest} holds this to the brute force that builds and scores every point
 * ({@code BruteForceSearch} in the test sources) on 15 requests (every constraint, attention kind, interleaved
 * layers, GPU memory, infeasible ones) under two loss models: the same ranked bucket bests, rejection counts and
 * binding constraint, the same dense search at several computes, and the same best-only answer at six ceilings.
 * {@code SearchBenchmark}, {@code PlanBenchmark} and {@code SweepBenchmark} measure it (README, Performance).
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Depth by a rule:</b> the loss model has no depth term (at fixed {@code N_active} fewer layers only save
 *       attention FLOPs), so a search would always take the shallowest aspect ratio allowed. {@code L} is therefore set
 *       per {@code d_model} by {@code L = round(d_model/85)}, the aspect ratio arXiv 2506.12119 chose (§3; 60–120
 *       found fine), moved to the nearest integer inside the aspect band when outside it; the band stays a
 *       constraint.</li>
 *   <li><b>Dense can win:</b> the recommendation is the best MoE shape with EL above 1 when it is predicted better
 *       than the best dense shape; otherwise the dense shape is recommended ("under this model MoE does not pay at
 *       this budget", said first) and the best MoE shapes are the alternatives.</li>
 *   <li><b>Search bounds reported:</b> for every search bound the recommendation sits on (largest searched E, the A
 *       floor when it alone rejected better shapes, the finest or coarsest expert width of its d_model, either end of
 *       the top-k or dense-layer range, an aspect band that moved the rule's L) the MoE search is run again with that
 *       bound alone relaxed one step ({@code BoundProbe}); the bound is binding when that finds a shape predicted
 *       better, and the plan reports by how much. At most ten extra searches.</li>
 *   <li><b>Paired uncertainty:</b> under each bootstrap model the returned shapes (recommendation, alternatives,
 *       dense baseline: at most 102) are re-scored at their tokens; MoE − dense and alternative − recommendation are
 *       differenced model by model, with 2.5–97.5% intervals and the share of models favouring the recommendation.
 *       An interval containing 0 is called {@code indistinguishable}. Rank stability: the share of models in which
 *       the best of the returned shapes has the recommendation's (E, k).</li>
 *   <li><b>Allocation:</b> tokens per active parameter and {@code D/D_opt} against Ling's Table 1 (MoE or dense by the
 *       recommendation's kind); beyond 2× either way the plan warns and shows the same configuration at the width
 *       whose tokens lie nearest {@code D_opt}, with its loss.</li>
 *   <li><b>One learning rate and batch:</b> the law whose fitted range covers the plan (Ling Eq. 3: C 1e18–6e20; Step
 *       Law: N 60M–1.1B, D 1B–110B), else the one fitted on the recommendation's kind (Ling for MoE, Step Law for
 *       dense); the other is the cross-check. Batch in sequences {@code round(batch tokens/seqLen)} (at least 1),
 *       steps {@code ceil(D/(sequences·seqLen))}.</li>
 *   <li><b>Heads and attention:</b> head size 128 ({@code heads = d_model/128}; 64 if {@code d_model} is not a
 *       multiple of 128). The request's {@link dev.moeadvisor.plan.AttentionKind}: by default GQA with
 *       {@code headsPerKvHead = 4} query heads per key/value head (Ling-mini-2.0's config.json: 16 heads, 4 key/value
 *       heads; Mixtral-8x7B and Llama-3-8B: 32 and 8), rounded down to a divisor of heads; MHA (key/value heads =
 *       heads) as in the runs of arXiv 2506.12119, which the equal-resources tests ask for; or MLA in DeepSeek-V2's
 *       ratios to the head size (arXiv 2405.04434 §3.1.2; see {@code SearchSpace}). GQA lowers the attention
 *       parameters (so {@code N_active} at a width), not the attention FLOPs per token; MLA changes both.</li>
 *   <li><b>Interleaved MoE layers:</b> {@code moeLayerStep = n} puts an MoE FFN in layer {@code i} (0-based, after
 *       the dense first layers) when {@code (i+1) % n == 0}, the others a dense FFN of the MoE layer's active width.
 *       {@code A} and {@code G} are those of an MoE layer (Ling's definitions); the counts and FLOPs take every layer
 *       as it is. Outside the laws' runs: the plan warns.</li>
 *   <li><b>Shared expert width:</b> {@code d_shared = d_expert}, so that Ling's {@code A} counts it as one
 *       routed-expert unit (arXiv 2507.17702 §2); {@code sharedExpertTopKWide} gives arXiv 2506.12119's shared expert
 *       as wide as the k routed ones ({@code d_shared = k·d_expert}; then the same {@code N_active} is reached by a
 *       smaller {@code k}).</li>
 *   <li><b>Dense first layers:</b> FFN width {@code (k + E_s)·d_expert}, the MoE layer's active FFN width, so that a
 *       token meets the same FFN compute in every layer (Ling-mini-2.0: a 5120-wide dense layer against 4608 active
 *       in its MoE layers).</li>
 *   <li><b>Dense baseline:</b> the same {@code d_model} and {@code L} grid, FFN widths from {@code 2·d_model} to the
 *       widest active FFN of the MoE grid ({@code (k_max + E_s)·2·d_model/G_min}, {@code 9·d_model} by default, at
 *       least {@code 4·d_model}) in multiples of 64 (8 per octave), so no dense-like MoE wins on a width the dense grid
 *       lacks, under the same compute, unique data, memory cap, fixed size and epochs limit.</li>
 *   <li><b>Too few tokens:</b> a shape trained on fewer tokens than its active parameters is rejected (binding id
 *       {@code computeFlops}): no loss law was fitted anywhere near there.</li>
 *   <li><b>Alternatives:</b> the best feasible shape of each other (E, k) pair and the recommendation's own
 *       configuration one grid width narrower and wider (depth by the rule), ranked.</li>
 *   <li><b>Rejections</b> are counted per constraint (a shape failing several counts under each); shapes failing a
 *       single constraint are also scored, their losses counted in a fixed-size histogram ({@code LossHistogram},
 *       0.1% bins): "better than the recommendation" means in a lower bin, and memory does not grow with the grid.</li>
 *   <li><b>Bounded work:</b> a search carries its {@link dev.moeadvisor.plan.SearchLimits} (work budget in grid
 *       shapes, deadline, cancellation). {@link dev.moeadvisor.plan.GridEstimate} counts the shapes a plan would
 *       visit from its ladders before any is evaluated, and a plan above the budget is refused
 *       ({@link dev.moeadvisor.plan.PlanTooLargeException}, naming the fields whose default shrinks the grid); the
 *       deadline and the cancellation flag are checked once per (d_model, layers) block.</li>
 *   <li><b>Binding constraint:</b> the constraint that, alone, rejected the most shapes predicted better than the
 *       recommendation; when none did, the binding search bound of largest improvement; {@code none} only when
 *       neither a constraint nor a search bound held a better shape back. For an infeasible budget: the constraint failed alone by
 *       the most shapes (relaxing it admits the most), else the one failed most often.</li>
 *   <li><b>Compute for a dense model to match:</b> both Ling's definition {@code EL·C} (Eq. 1; assumes
 *       compute-optimal allocation) and the least compute at which the best dense shape of the same constrained
 *       search reaches the MoE's loss: a half-octave scan (the epochs limit makes the best dense loss non-monotone
 *       in compute) refined by bisection ({@code NaN} when not reachable within 10^4·C).</li>
 *   <li><b>Warnings:</b> EL law extrapolated (C outside [1e18, 6e20], A or G outside its fit range, or EL above 6,
 *       the largest EL of its fitted points); more than 2 epochs of reuse (arXiv 2506.12119: about 2 nearly free, stay
 *       within about 3); FLOPs per token more than 2× away from Ling's compute-optimal {@code M_opt} (Table 1);
 *       allocation or hyper-parameter laws outside their range; any widened evidence bound; no dense baseline.</li>
 *   <li><b>Uncertainty:</b> with bootstrap loss models, the recommended shape and the dense baseline are re-scored at
 *       their fixed tokens under each; 2.5/97.5 percentiles (linear interpolation) of loss and EL are reported.</li>
 * </ul>
 *
 * <p>Sources: Tian et al., <i>Towards Greater Leverage: Scaling Laws for Efficient Mixture-of-Experts Language
 * Models</i>, arXiv 2507.17702; Li, Lo et al., <i>Can Mixture-of-Experts Surpass Dense LLMs Under Strictly Equal
 * Resources?</i>, arXiv 2506.12119; Hoffmann et al., arXiv 2203.15556; Muennighoff et al., arXiv 2305.16264;
 * Li et al. (Step Law), arXiv 2503.04715.
 */
package dev.moeadvisor.plan;
