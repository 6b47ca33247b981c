package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchField;
import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecLimits;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.train.Augmentation;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TestMeasure;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The search's chosen model trained further once the search has chosen it: from its checkpoint, on the training and
 * validation images together (nothing is left to choose with them), for a declared share of the budget, its learning
 * rate falling from the specification's own to zero by half a cosine. The test set then measures it; the validation
 * error it reports is on images it trained on, a measure of fit only. Its search's trial slots are free by then, so
 * the model may train on as many replicas side by side as the search had slots and this machine's cores allow
 * ({@link RunnerOptions#withReplicasUpTo}): its calibration times both that and one network and keeps the faster,
 * since for a small network the replicas' splitting and averaging cost more than they save (LeNet-5 on two replicas
 * trained at 0.60-0.68 times one network's speed, a searched CNN of 7 M MACs at 1.05-1.6 times:
 * bench/results/data-parallel.md).
 *
 * @param share        of the budget, taken from the search's; 0 = no final training
 * @param augmentation the dataset's, as the search's trials trained with
 * @param slots        trials the search ran at a time
 */
public record FinalTraining(double share, Augmentation augmentation, int slots) {

    public static final double MAX_SHARE = SearchField.FINAL_TRAINING_SHARE.max() / 100.0;
    public static final double DEFAULT_SHARE = 0.2;
    /**
     * Of its time, the share planned for training steps; measuring each epoch (on {@link #FIT_MEASURE_IMAGES} images)
     * and saving take about 2 % of it. The budget stops a run between two batches, so a plan a little too long only
     * loses the last steps, whose annealed rate is almost zero; at 0.8 the two-hour benchmark's final training left
     * 21 % of its time unused.
     */
    static final double PLANNED = 0.95;
    /** Less than this many epochs would not move the weights enough to be worth reporting. */
    static final double FEWEST_EPOCHS = 0.01;
    /**
     * The first steps, at the specification's own rate, measure how fast this network trains here and now: the
     * trial's speed was measured while other trials shared the cores (it planned a third too few epochs then). The
     * first batches also pay the native library's start-up (20 batches measured 817 examples/s where the epochs then
     * ran at 950-1,180), so each calibrating run is timed over its later half ({@link BatchClock}) to choose between
     * replicas and one network; with replicas to try, half the batches train on them and half on one network. At 100
     * batches each later half was 25 batches (about 2 s), too few on a shared machine: two replicas measured 1,585
     * examples/s there and then trained at 980-1,190, slower than one network's 1,184 (by hand, 2026-12-07).
     */
    static final int CALIBRATION_BATCHES = 300;
    /** At most this share of the time goes to the calibration. */
    static final double CALIBRATION_SHARE = 0.1;
    /**
     * The measure of fit after each epoch looks at this many of the validation images (now trained on): it chooses
     * nothing, and measuring all 6,000 of Fashion-MNIST's and as many training images took about 6 s of each 55-s
     * epoch of the two-hour benchmark's final training (120 s of its 995 went to anything but training steps).
     */
    static final int FIT_MEASURE_IMAGES = 1_000;

    public FinalTraining {
        if (!(share >= 0 && share <= MAX_SHARE)) {
            throw new IllegalArgumentException("--final-training must be from 0 (none) to " + MAX_SHARE
                    + " of the budget, got " + share);
        }
        if (slots < 1) {
            throw new IllegalArgumentException("a search has at least one trial slot, got " + slots);
        }
    }

    /** The final training of {@code share} for a search of {@code definition}. */
    public static FinalTraining of(double share, SearchDefinition definition) {
        return new FinalTraining(share, definition.dataset().augmentation(), definition.maxConcurrent());
    }

    public boolean enabled() {
        return share > 0;
    }

    /** What the search keeps of {@code budget}. */
    public Duration searchBudget(Duration budget) {
        return budget.minus(time(budget));
    }

    /** What final training takes of {@code budget}. */
    public Duration time(Duration budget) {
        return SearchDefinition.finalTrainingPart(budget, share);
    }

    /**
     * Trains {@code chosen} (whose weights are in {@code checkpoint}) for at most {@code time}, writing the model to
     * {@code saveTo}: a few calibrating steps at the specification's rate on each replica count worth trying, then as
     * many epochs as the faster one's speed says fit in the time left, annealed to zero.
     */
    public ChosenModel train(ChosenModel chosen, Path checkpoint, TrainingData data, Duration time, Path saveTo,
                             TrialListener listener) throws IOException {
        long start = System.nanoTime();
        TrainingData all = data.withValidationInTraining();
        double fitShare = fitMeasureShare(all.validation().size());
        RunnerOptions options = RunnerOptions.defaults().withAugmentation(augmentation);
        Calibration calibration = calibrate(options.withReplicasUpTo(slots), chosen, checkpoint, all, time, start,
                saveTo, fitShare, listener);
        if (cannotGoOn(calibration.last(), time, start)) {
            return finalModel(chosen, calibration.last(), calibration.curve(), data, saveTo, start);
        }
        // The annealing run pays what each calibrating run paid beside its steps (reading the checkpoint, cloning
        // replicas, measuring and saving at its end) before and after its own; only the rest is for its steps.
        double left = Math.max(0, seconds(timeLeft(time, start)) - calibration.runOverheadSeconds());
        double epochs = Math.min(TrialSpecLimits.MAX_EPOCHS / 2, Math.max(FEWEST_EPOCHS,
                left * PLANNED * calibration.planningSpeed() / all.train().size()));
        double target = calibration.last().epochsTrained() + epochs;
        TrainingSettings anneal = chosen.spec().training().withEpochs(epochs)
                .withSchedule(LearningRateSchedule.COSINE, 0);
        TrialRunner runner = new TrialRunner(options.withReplicas(calibration.replicas()));
        TrialResult result = run(runner, chosen.spec(), target, all, TrialRun.epochs(target)
                .resumingFrom(saveTo).savingTo(saveTo).withBudget(timeLeft(time, start)).withFreshCurve(anneal)
                .validatingOn(fitShare), listener);
        List<EpochMetrics> curve = new ArrayList<>(calibration.curve());
        curve.addAll(result.epochs());
        return finalModel(chosen, result, curve, data, saveTo, start);
    }

    /**
     * What the calibration found: its {@code last} run (not COMPLETED when the time ran out), each replica count's
     * examples/s over its run's later half in the order tried, the {@code replicas} that trained faster (the first
     * of equals), the calibrating runs' metrics, the seconds the last run took beside its training steps, and the
     * speed to plan the rest by: the lower of the faster run's later half and its whole run, since a plan too long
     * for the time is cut before its learning rate has fallen, where one too short only leaves seconds unused.
     */
    record Calibration(TrialResult last, Map<Integer, Double> speeds, int replicas, List<EpochMetrics> curve,
                       double runOverheadSeconds, double planningSpeed) {

        double examplesPerSecond() {
            return speeds.get(replicas);
        }
    }

    /**
     * A few steps at the specification's own rate from {@code checkpoint}, on the replicas of {@code options} and
     * then on one network when that is more than one, each timed over its later half; the model they leave is in
     * {@code saveTo}.
     */
    static Calibration calibrate(RunnerOptions options, ChosenModel chosen, Path checkpoint, TrainingData all,
                                 Duration time, long start, Path saveTo, double fitShare, TrialListener listener) {
        int replicas = options.replicas();
        List<Integer> replicaCounts = replicas > 1 ? List.of(replicas, 1) : List.of(1);
        int batchSize = chosen.spec().training().batchSize();
        double trialSpeed = chosen.curve().get(chosen.curve().size() - 1).examplesPerSecond();
        double epochsEach = Math.min(CALIBRATION_BATCHES * (double) batchSize,
                CALIBRATION_SHARE * seconds(time) * trialSpeed) / all.train().size() / replicaCounts.size();
        List<EpochMetrics> curve = new ArrayList<>();
        Map<Integer, Double> speeds = new LinkedHashMap<>();
        Map<Integer, Double> wholeRunSpeeds = new LinkedHashMap<>();
        TrialResult last = null;
        double overhead = 0;
        Path from = checkpoint;
        for (int count : replicaCounts) {
            TrialRunner runner = new TrialRunner(options.withReplicas(count));
            BatchClock clock = new BatchClock(listener);
            double target = (last == null ? chosen.chosenEpoch() : last.epochsTrained()) + epochsEach;
            long runStart = System.nanoTime();
            last = run(runner, chosen.spec(), target, all, TrialRun.epochs(target).resumingFrom(from)
                    .savingTo(saveTo).withBudget(timeLeft(time, start)).validatingOn(fitShare), clock);
            overhead = Math.max(0, (System.nanoTime() - runStart) / 1e9 - stepSeconds(last.epochs()));
            curve.addAll(last.epochs());
            double wholeRun = averageExamplesPerSecond(last.epochs());
            double measured = clock.laterHalfExamplesPerSecond(batchSize);
            speeds.put(count, measured > 0 ? measured : wholeRun);
            wholeRunSpeeds.put(count, wholeRun);
            if (cannotGoOn(last, time, start)) {
                break;
            }
            from = saveTo;
        }
        int faster = speeds.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        LoggerFactory.getLogger(FinalTraining.class).info("final training calibrated ({}): trains on {}",
                speeds.entrySet().stream().map(e -> String.format("%s %.0f examples/s", replicasText(e.getKey()),
                        e.getValue())).collect(Collectors.joining(", ")), replicasText(faster));
        return new Calibration(last, speeds, faster, curve, overhead,
                Math.min(speeds.get(faster), wholeRunSpeeds.get(faster)));
    }

    /** Examples a second over all of a run's training steps. */
    private static double averageExamplesPerSecond(List<EpochMetrics> epochs) {
        double examples = epochs.stream().mapToDouble(e -> e.examplesPerSecond() * e.epochSeconds()).sum();
        return examples / Math.max(stepSeconds(epochs), 1e-9);
    }

    /** The seconds spent in training steps over {@code epochs}: each row's measures of fit are not in them. */
    private static double stepSeconds(List<EpochMetrics> epochs) {
        return epochs.stream().mapToDouble(EpochMetrics::epochSeconds).sum();
    }

    /** A run that stopped short, or no time left after it, ends the final training there. */
    private static boolean cannotGoOn(TrialResult last, Duration time, long start) {
        return last.state() != TrialState.COMPLETED || timeLeft(time, start).isZero();
    }

    private static String replicasText(int replicas) {
        return replicas == 1 ? "one network" : replicas + " replicas";
    }

    /** What is left of {@code time} since {@code start}; zero when none. */
    private static Duration timeLeft(Duration time, long start) {
        Duration left = time.minusNanos(System.nanoTime() - start);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Of {@code validationImages}, the share the measure of fit after each epoch looks at. */
    static double fitMeasureShare(int validationImages) {
        return validationImages <= FIT_MEASURE_IMAGES ? 1 : FIT_MEASURE_IMAGES / (double) validationImages;
    }

    /**
     * The model as the final training left it, measured on the test set. One line says where its time went: the
     * steps, the test pass, and the rest (the runs' start-up, the measures of fit after each epoch, the saves), which
     * the plan can only estimate.
     */
    private static ChosenModel finalModel(ChosenModel chosen, TrialResult last, List<EpochMetrics> curve,
                                          TrainingData data, Path saveTo, long start) throws IOException {
        long testStart = System.nanoTime();
        double testAccuracy = TestAccuracy.of(saveTo, data);
        long end = System.nanoTime(); // one reading, so the line's parts add up to its whole
        double seconds = (end - start) / 1e9;
        double testSeconds = (end - testStart) / 1e9;
        double stepSeconds = stepSeconds(curve);
        LoggerFactory.getLogger(FinalTraining.class).info(String.format(Locale.ROOT, "final training took %.1f s: "
                + "%.1f s of training steps in %d measured segments, %.1f s for the test set, %.1f s beside them "
                + "(start-up, measures of fit, saves)", seconds, stepSeconds, curve.size(), testSeconds,
                seconds - stepSeconds - testSeconds));
        return new ChosenModel(Side.FINAL, chosen.spec().withTraining(chosen.spec().training()
                .withEpochs(last.epochsTrained())), testAccuracy, curve.get(curve.size() - 1).validationError(),
                last.epochsTrained(), last.epochsTrained(), chosen.parameters(), seconds, curve);
    }

    /**
     * One run of the final training; a run that ends without a model is an error. Its runs measure no test error:
     * {@link TestAccuracy} measures the saved model once at the end (each run's own pass over the test set, at its
     * planned end, cost seconds the plan did not count).
     */
    private static TrialResult run(TrialRunner runner, TrialSpec spec, double target, TrainingData all, TrialRun run,
                                   TrialListener listener) {
        TrialResult result = runner.run(spec.withTraining(spec.training().withEpochs(target)), all,
                run.measuringTest(TestMeasure.NEVER), listener);
        boolean outOfTime = result.failureCause().orElse(null) == FailureCause.TIMEOUT;
        if ((result.state() == TrialState.FAILED && !outOfTime) || result.epochs().isEmpty()) {
            throw new IllegalStateException("final training of the search's model ended without a model ("
                    + result.failureCause().map(Enum::name).orElse(result.state().name()) + "): " + result.message());
        }
        return result;
    }

    private static double seconds(Duration time) {
        return time.toMillis() / 1000.0;
    }
}
