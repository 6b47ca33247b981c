package io.autocnn.workers.train;

import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrainingSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrialRunTest {

    private static final TrainingSettings CURVE = new TrainingSettings(64, 3, 0.01, Optimizer.ADAM, 0, 1);

    /** Every field set, none to its default, so a method that dropped or mixed up another field would show. */
    private static TrialRun everythingSet() {
        return TrialRun.epochs(9).withBudget(Duration.ofSeconds(5)).resumingFrom(Path.of("resume.zip"))
                .savingTo(Path.of("save.zip")).measuringTest(TestMeasure.NEVER).withFreshCurve(CURVE)
                .validatingOn(0.25).inheritingFrom(Path.of("parent.zip")).trainingOn(0.5);
    }

    @Test
    void eachMethodChangesItsOwnFieldAndKeepsEveryOther() {
        TrialRun run = everythingSet();
        assertThat(run).isEqualTo(new TrialRun(9, Optional.of(Duration.ofSeconds(5)), Optional.of(Path.of("resume.zip")),
                Optional.of(Path.of("save.zip")), TestMeasure.NEVER, Optional.of(CURVE), 0.25,
                Optional.of(Path.of("parent.zip")), 0.5));

        TrainingSettings otherCurve = new TrainingSettings(128, 5, 0.02, Optimizer.ADAM, 0, 2);
        assertThat(run.withBudget(Duration.ofSeconds(7))).isEqualTo(new TrialRun(9, Optional.of(Duration.ofSeconds(7)),
                run.resumeFrom(), run.saveTo(), run.testMeasure(), run.freshCurve(), 0.25, run.inheritFrom(), 0.5));
        assertThat(run.resumingFrom(Path.of("b.zip"))).isEqualTo(new TrialRun(9, run.wallClockBudget(),
                Optional.of(Path.of("b.zip")), run.saveTo(), run.testMeasure(), run.freshCurve(), 0.25,
                run.inheritFrom(), 0.5));
        assertThat(run.savingTo(Path.of("c.zip"))).isEqualTo(new TrialRun(9, run.wallClockBudget(), run.resumeFrom(),
                Optional.of(Path.of("c.zip")), run.testMeasure(), run.freshCurve(), 0.25, run.inheritFrom(), 0.5));
        assertThat(run.measuringTest()).isEqualTo(new TrialRun(9, run.wallClockBudget(), run.resumeFrom(),
                run.saveTo(), TestMeasure.EVERY_EPOCH, run.freshCurve(), 0.25, run.inheritFrom(), 0.5));
        assertThat(run.withFreshCurve(otherCurve)).isEqualTo(new TrialRun(9, run.wallClockBudget(), run.resumeFrom(),
                run.saveTo(), run.testMeasure(), Optional.of(otherCurve), 0.25, run.inheritFrom(), 0.5));
        assertThat(run.validatingOn(0.75)).isEqualTo(new TrialRun(9, run.wallClockBudget(), run.resumeFrom(),
                run.saveTo(), run.testMeasure(), run.freshCurve(), 0.75, run.inheritFrom(), 0.5));
        assertThat(run.inheritingFrom(Path.of("d.zip"))).isEqualTo(new TrialRun(9, run.wallClockBudget(),
                run.resumeFrom(), run.saveTo(), run.testMeasure(), run.freshCurve(), 0.25,
                Optional.of(Path.of("d.zip")), 0.5));
        assertThat(run.trainingOn(1)).isEqualTo(new TrialRun(9, run.wallClockBudget(), run.resumeFrom(),
                run.saveTo(), run.testMeasure(), run.freshCurve(), 0.25, run.inheritFrom(), 1));
    }

    @Test
    void aChangedShareIsCheckedAsANewRunsIs() {
        assertThatThrownBy(() -> everythingSet().validatingOn(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("validation share");
        assertThatThrownBy(() -> everythingSet().trainingOn(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training share");
    }

    @Test
    void aNewRunMeasuresTestWhenFinishedOnAllItsData() {
        TrialRun run = TrialRun.epochs(4);
        assertThat(run.testMeasure()).isEqualTo(TestMeasure.WHEN_FINISHED);
        assertThat(run.validationImages(1000)).isEqualTo(1000);
        assertThat(run.trainingImages(1000, 64)).isEqualTo(1000);
        assertThat(run.trainingOn(0.01).trainingImages(1000, 64)).as("at least one batch").isEqualTo(64);
    }
}
