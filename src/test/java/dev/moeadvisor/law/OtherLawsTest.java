package dev.moeadvisor.law;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-computed values of the allocation, hyper-parameter, dense-loss and repetition laws. */
class OtherLawsTest {

    @Test
    void lingAllocationSpendsTheBudget() {
        // Table 1: M_opt·D_opt = 0.1915·5.2232·C^(0.5095+0.4905) = 1.0002·C for MoE, 0.9994·C for dense.
        ComputeOptimum moe = ComputeOptimum.of(AllocationLaw.LING_MOE, 1e21);
        assertEquals(1e21, moe.flopsPerToken() * moe.tokens(), 0.002e21);
        ComputeOptimum dense = ComputeOptimum.of(AllocationLaw.LING_DENSE, 1e21);
        assertEquals(1e21, dense.flopsPerToken() * dense.tokens(), 0.002e21);
        // 0.1915·(1e21)^0.5095 = 0.1915·10^10.6995 = 0.1915·5.0062e10 = 9.587e9
        assertEquals(9.587e9, moe.flopsPerToken(), 0.002e9);
    }

    @Test
    void hyperParameterLaws() {
        HyperParameters ling = HyperParameterLaws.ling(1e21);
        // 1.1576·10^(−0.1529·21) = 1.1576·10^−3.2109 = 7.12e−4; 0.0694·10^(0.3644·21) = 0.0694·10^7.6524 = 3.12e6
        assertEquals(7.12e-4, ling.learningRate(), 0.01e-4);
        assertEquals(3.12e6, ling.batchTokens(), 0.01e6);
        HyperParameters step = HyperParameterLaws.step(1e9, 1e11);
        // 1.79·10^(−0.713·9)·10^(0.307·11) = 1.79·10^(−6.417+3.377) = 1.79·10^−3.04 = 1.633e−3; 0.58·10^(0.571·11) = 0.58·10^6.281 = 1.108e6
        assertEquals(1.633e-3, step.learningRate(), 0.005e-3);
        assertEquals(1.108e6, step.batchTokens(), 0.002e6);
        assertTrue(!step.extrapolated());
        assertTrue(HyperParameterLaws.step(1e11, 1e13).extrapolated());
    }

    @Test
    void chinchillaLossAtTheChinchillaModel() {
        // Chinchilla 70B on 1.4T tokens: 1.69 + 406.4/4867 + 410.7/2517.2 = 1.69 + 0.08350 + 0.16316 = 1.9367
        assertEquals(1.9367, DenseLossLaw.CHINCHILLA.loss(70e9, 1.4e12), 0.0002);
    }

    @Test
    void repetitionDiscountsRepeatedTokens() {
        assertEquals(5e10, DataRepetition.effectiveTokens(5e10, 1e11), "no repetition below the unique budget");
        // 4 epochs: R = 3, D_eff = U·(1 + 15.39·(1 − e^(−3/15.39))) = U·(1 + 15.39·0.17711) = 3.7257·U
        assertEquals(3.7257e11, DataRepetition.effectiveTokens(4e11, 1e11), 0.001e11);
        assertEquals(4e11, DataRepetition.effectiveTokens(4e11, Double.NaN), "unlimited unique data");
    }
}
