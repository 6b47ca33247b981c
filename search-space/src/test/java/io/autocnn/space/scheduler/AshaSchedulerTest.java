package io.autocnn.space.scheduler;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AshaSchedulerTest {

    @Test
    void rungsFollowTheReductionFactor() {
        assertThat(new AshaScheduler(1, 9, 3).rungs()).containsExactly(1.0, 3.0, 9.0);
        assertThat(AshaScheduler.withRungs(3, 3, 4).rungs())
                .hasSize(4).first().satisfies(r -> assertThat(r).isCloseTo(1.0 / 9, org.assertj.core.data.Offset.offset(1e-12)));
    }

    @Test
    void withASecondObjectiveASmallNetworkWithAFairErrorIsPromotedOverABigOneBarelyBetter() {
        double[] errors = {0.10, 0.105, 0.20, 0.30, 0.31, 0.32};
        double[] sizes = {6.0, 6.1, 3.0, 6.5, 6.6, 6.7};
        AshaScheduler byError = new AshaScheduler(1, 9, 3);
        AshaScheduler byBoth = new AshaScheduler(1, 9, 3);
        byBoth.rankAlsoBy(trial -> sizes[trial]);
        for (int t = 0; t < errors.length; t++) {
            byError.onEpoch(t, 1.0, errors[t]);
            byBoth.onEpoch(t, 1.0, errors[t]);
        }
        // Six results at rung 0: two promotable. By error the two big ones; by both, the front: trial 0 and the
        // small trial 2 (trial 1 is dominated by trial 0).
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        byError.nextPromotion(paused -> true).ifPresent(p -> first.add(p.trialIndex()));
        byError.nextPromotion(paused -> true).ifPresent(p -> first.add(p.trialIndex()));
        byBoth.nextPromotion(paused -> true).ifPresent(p -> second.add(p.trialIndex()));
        byBoth.nextPromotion(paused -> true).ifPresent(p -> second.add(p.trialIndex()));
        assertThat(first).containsExactly(0, 1);
        assertThat(second).containsExactlyInAnyOrder(0, 2);
    }

    @Test
    void promotionsMatchSuccessiveHalvingArithmetic() {
        AshaScheduler asha = new AshaScheduler(1, 9, 3);
        assertThat(asha.initialTarget()).isEqualTo(1.0);
        double[] rungZeroErrors = {0.50, 0.30, 0.40, 0.20, 0.60, 0.35, 0.45, 0.55, 0.25};

        // Trials 0 and 1 report at rung 0: floor(n/3) = 0 may be promoted.
        assertThat(asha.onEpoch(0, 1.0, rungZeroErrors[0])).isEqualTo(Decision.PAUSE);
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();
        asha.onEpoch(1, 1.0, rungZeroErrors[1]);
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();
        // Third result: the top 1 of 3 (trial 1, 0.30) goes to rung 1 (3 epochs).
        asha.onEpoch(2, 1.0, rungZeroErrors[2]);
        assertThat(asha.nextPromotion(paused -> true)).contains(new Promotion(1, 3.0));
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();
        // Fourth: still floor(4/3) = 1 promotable, and trial 3 (0.20) is now the best of rung 0.
        asha.onEpoch(3, 1.0, rungZeroErrors[3]);
        assertThat(asha.nextPromotion(paused -> true)).contains(new Promotion(3, 3.0));
        // Fifth: floor(5/3) = 1; the top 1 (trial 3) is already promoted, so nothing.
        asha.onEpoch(4, 1.0, rungZeroErrors[4]);
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();
        // Sixth: floor(6/3) = 2; the top 2 are trials 3 and 1, both promoted.
        asha.onEpoch(5, 1.0, rungZeroErrors[5]);
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();
        for (int t = 6; t < 9; t++) {
            asha.onEpoch(t, 1.0, rungZeroErrors[t]);
        }
        // Nine results: the top 3 are trials 3 (0.20), 8 (0.25), 1 (0.30); only 8 is new.
        assertThat(asha.nextPromotion(paused -> true)).contains(new Promotion(8, 3.0));
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();

        // Promoted trials report at epoch 2 (between rungs: continue) then at 3 (rung 1: pause).
        assertThat(asha.onEpoch(1, 2.0, 0.28)).isEqualTo(Decision.CONTINUE);
        assertThat(asha.onEpoch(1, 3.0, 0.27)).isEqualTo(Decision.PAUSE);
        assertThat(asha.onEpoch(3, 3.0, 0.15)).isEqualTo(Decision.PAUSE);
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();
        assertThat(asha.onEpoch(8, 3.0, 0.22)).isEqualTo(Decision.PAUSE);
        // Rung 1 holds 3 results: the best (trial 3) is promoted to the full 9 epochs.
        assertThat(asha.nextPromotion(paused -> true)).contains(new Promotion(3, 9.0));
        // At the top rung a trial completes rather than pausing.
        assertThat(asha.onEpoch(3, 9.0, 0.10)).isEqualTo(Decision.CONTINUE);
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();

        assertThat(asha.stoppedAt(0)).containsExactlyInAnyOrder(0, 2, 4, 5, 6, 7);
        assertThat(asha.stoppedAt(1)).containsExactlyInAnyOrder(1, 8);

        // What the early-stopping view reads: each rung's records and promotions, each trial's highest rung.
        assertThat(asha.recordedAt(0)).hasSize(9).containsEntry(8, rungZeroErrors[8]);
        assertThat(asha.recordedAt(1)).containsOnlyKeys(3, 1, 8).containsEntry(1, 0.27);
        assertThat(asha.promotedFrom(0)).isEqualTo(3);
        assertThat(asha.promotedFrom(1)).isEqualTo(1);
        assertThat(asha.wasPromotedFrom(0, 8)).isTrue();
        assertThat(asha.wasPromotedFrom(1, 8)).isFalse();
        assertThat(asha.highestRungOf(8)).hasValue(1);
        assertThat(asha.highestRungOf(3)).hasValue(2);
        assertThat(asha.highestRungOf(0)).hasValue(0);
        assertThat(asha.highestRungOf(42)).isEmpty();
        assertThat(asha.eta()).isEqualTo(3);
    }

    @Test
    void aTrialWhoseRunHasNotEndedIsPromotedOnlyOnceItHas() {
        AshaScheduler asha = new AshaScheduler(1, 9, 3);
        for (int t = 0; t < 3; t++) {
            asha.onEpoch(t, 1.0, 0.1 * (t + 1));
        }
        // Trial 0 earned the promotion but is still finishing its run (its model is not saved yet).
        assertThat(asha.nextPromotion(trial -> trial != 0)).isEmpty();
        assertThat(asha.nextPromotion(paused -> true)).contains(new Promotion(0, 3.0));
    }

    @Test
    void higherRungsArePromotedFirst() {
        AshaScheduler asha = new AshaScheduler(1, 9, 3);
        for (int t = 0; t < 3; t++) {
            asha.onEpoch(t, 1.0, 0.1 * (t + 1));
        }
        assertThat(asha.nextPromotion(paused -> true)).contains(new Promotion(0, 3.0));
        for (int t = 3; t < 6; t++) {
            asha.onEpoch(t, 1.0, 0.05 * t);
        }
        // Six results at rung 0: the top 2 are trials 0 and 3; trial 3 is the new one.
        Optional<Promotion> next = asha.nextPromotion(paused -> true);
        assertThat(next).contains(new Promotion(3, 3.0));
        asha.onEpoch(0, 3.0, 0.09);
        asha.onEpoch(3, 3.0, 0.12);
        for (int t = 6; t < 9; t++) {
            asha.onEpoch(t, 1.0, 0.9);
        }
        assertThat(asha.nextPromotion(paused -> true)).contains(new Promotion(1, 3.0));
        asha.onEpoch(1, 3.0, 0.2);
        // Rung 1 now has 3 results and rung 0 nothing new: the higher rung is checked first.
        assertThat(asha.nextPromotion(paused -> true)).contains(new Promotion(0, 9.0));
    }

    @Test
    void onceNoNewTrialCanStartTheBestOfARungTooSmallForATopThirdGoesOnAndOnlyIt() {
        AshaScheduler asha = new AshaScheduler(1, 9, 3);
        asha.onEpoch(0, 1.0, 0.3);
        asha.onEpoch(1, 1.0, 0.2);
        // Two results: the top third of rung 0 is nobody, so the ordinary rule waits for a third trial.
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();
        // No third trial will come: the best goes on, not yet while its run is still ending, and only it.
        assertThat(asha.finishingPromotion(trial -> trial != 1)).isEmpty();
        assertThat(asha.finishingPromotion(paused -> true)).contains(new Promotion(1, 3.0));
        assertThat(asha.finishingPromotion(paused -> true)).isEmpty();
        // Alone at rung 1, it goes on to the full epochs, and then nobody is left to promote.
        asha.onEpoch(1, 3.0, 0.15);
        assertThat(asha.nextPromotion(paused -> true)).isEmpty();
        assertThat(asha.finishingPromotion(paused -> true)).contains(new Promotion(1, 9.0));
        assertThat(asha.onEpoch(1, 9.0, 0.1)).isEqualTo(Decision.CONTINUE);
        assertThat(asha.finishingPromotion(paused -> true)).isEmpty();
        assertThat(asha.stoppedAt(0)).containsExactly(0);
    }

    @Test
    void aRungWithATopThirdPromotesTheSameWhetherOrNotTheSearchIsFinishing() {
        AshaScheduler ordinary = new AshaScheduler(1, 9, 3);
        AshaScheduler finishing = new AshaScheduler(1, 9, 3);
        double[] errors = {0.5, 0.1, 0.4, 0.2, 0.6, 0.3};
        for (int t = 0; t < errors.length; t++) {
            ordinary.onEpoch(t, 1.0, errors[t]);
            finishing.onEpoch(t, 1.0, errors[t]);
        }
        List<Promotion> byRule = new ArrayList<>();
        List<Promotion> byFinishing = new ArrayList<>();
        ordinary.nextPromotion(paused -> true).ifPresent(byRule::add);
        ordinary.nextPromotion(paused -> true).ifPresent(byRule::add);
        finishing.finishingPromotion(paused -> true).ifPresent(byFinishing::add);
        finishing.finishingPromotion(paused -> true).ifPresent(byFinishing::add);
        assertThat(byRule).containsExactly(new Promotion(1, 3.0), new Promotion(3, 3.0));
        assertThat(byFinishing).isEqualTo(byRule);
        assertThat(ordinary.nextPromotion(paused -> true)).isEmpty();
        assertThat(finishing.finishingPromotion(paused -> true)).isEmpty();
    }
}
