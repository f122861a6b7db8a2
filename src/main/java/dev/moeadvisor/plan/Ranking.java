package dev.moeadvisor.plan;

import java.util.Comparator;

/** The planner's order: predicted loss, ties (within a relative 1e-12) broken by fewer total parameters. */
final class Ranking {

    static final double TIE = 1e-12;
    static final Comparator<Candidate> ORDER = (a, b) -> a == b ? 0
            : better(a.loss(), a.totalParams(), b.loss(), b.totalParams()) ? -1
            : better(b.loss(), b.totalParams(), a.loss(), a.totalParams()) ? 1 : 0;

    private Ranking() {
    }

    static boolean better(double loss, double totalParams, double otherLoss, double otherTotalParams) {
        double tie = TIE * Math.abs(otherLoss);
        if (loss < otherLoss - tie) {
            return true;
        }
        return loss <= otherLoss + tie && totalParams < otherTotalParams;
    }
}
