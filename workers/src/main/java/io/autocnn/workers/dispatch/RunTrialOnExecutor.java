package io.autocnn.workers.dispatch;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.data.DatasetSplitFile;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.files.DirectoryTrees;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The Spark task body: runs one {@link TrialAssignment} on whichever executor Spark chose. The trial's own errors
 * (a network that cannot be built, NaN loss, unreadable data on this worker) come back as a FAILED outcome, so Spark
 * never retries them; only a lost executor or worker makes Spark run the task again, as the next attempt. Errors Spark
 * would answer by exiting the JVM (out of memory, a missing native library) fail only the trial.
 */
public final class RunTrialOnExecutor implements Function<TrialAssignment, TrialOutcome> {

    private static final byte[] NO_MODEL = new byte[0];

    @Override
    public TrialOutcome call(TrialAssignment assignment) {
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 1 : task.attemptNumber() + 1;
        String executorId = SparkEnv.get() == null ? "driver" : SparkEnv.get().executorId();
        ProgressReporter reporter = new ProgressReporter(assignment, attempt, executorId);
        try {
            TrialSpec spec = TrialSpecJson.read(assignment.specJson(), "trial " + assignment.key());
            if (!assignment.body().trains()) {
                if (assignment.body() == TrialBody.SIMULATED) {
                    Thread.sleep(TrialBody.simulatedMillis(assignment.targetEpochs()));
                }
                return TrialOutcome.of(noOp(assignment.targetEpochs(), reporter), NO_MODEL, attempt, executorId);
            }
            return train(assignment, spec, reporter, attempt, executorId);
        } catch (InterruptedException e) {
            // The job was cancelled: Spark interrupts the task's thread and discards what it returns.
            Thread.currentThread().interrupt();
            return TrialOutcome.of(TrialResult.failed(FailureCause.EXCEPTION, "interrupted", List.of(), 0, 0),
                    NO_MODEL, attempt, executorId);
        } catch (RuntimeException | IOException e) {
            TrialResult failed = TrialResult.failed(FailureCause.EXCEPTION, "on executor " + executorId + ": " + e,
                    List.of(), 0, 0);
            return TrialOutcome.of(failed, NO_MODEL, attempt, executorId);
        } catch (OutOfMemoryError | StackOverflowError | LinkageError e) {
            // Spark treats these as fatal and exits the executor's JVM, which in local[*] is the service itself:
            // they end this trial instead. What the trial allocated is unreachable once this returns.
            TrialResult failed = TrialResult.failed(FailureCause.EXCEPTION, "on executor " + executorId + ": " + e
                    + (e instanceof OutOfMemoryError ? " (give executors more memory or the trial less data)" : ""),
                    List.of(), 0, 0);
            return TrialOutcome.of(failed, NO_MODEL, attempt, executorId);
        }
    }

    private static TrialOutcome train(TrialAssignment assignment, TrialSpec spec, ProgressReporter reporter,
                                      int attempt, String executorId) throws IOException {
        Path workDir = Files.createTempDirectory("autocnn-" + assignment.key().experimentId() + "-trial-"
                + assignment.key().trialIndex() + "-");
        try {
            Path model = workDir.resolve("model.zip");
            TrialRun run = TrialRun.epochs(assignment.targetEpochs()).savingTo(model)
                    .validatingOn(assignment.validationShare()).trainingOn(assignment.trainingShare());
            if (assignment.resumeModel().bytes().isPresent()) {
                Path resume = workDir.resolve("resume.zip");
                Files.write(resume, assignment.resumeModel().bytes().get());
                run = assignment.inheritsWeights() ? run.inheritingFrom(resume) : run.resumingFrom(resume);
            }
            if (assignment.budgetMillis() > 0) {
                run = run.withBudget(Duration.ofMillis(assignment.budgetMillis()));
            }
            TrialResult result = new TrialRunner(assignment.runnerOptions())
                    .run(spec, data(assignment), run, reporter);
            byte[] zip = Files.exists(model) ? Files.readAllBytes(model) : NO_MODEL;
            return TrialOutcome.of(result, zip, attempt, executorId);
        } finally {
            DirectoryTrees.delete(workDir);
        }
    }

    /**
     * The run's data, prepared once per executor JVM: from the file the coordinator shipped with the job (checked
     * against its checksum) or, when it shipped none, from the dataset's files on this machine.
     */
    private static TrainingData data(TrialAssignment assignment) {
        if (assignment.shippedData().isEmpty()) {
            return PreparedDataCache.get(assignment.data());
        }
        return PreparedDataCache.get(assignment.data(), recipe -> {
            try {
                return recipe.prepare(DatasetSplitFile.read(Path.of(SparkFiles.get(assignment.shippedData()))));
            } catch (IOException e) {
                throw new UncheckedIOException("reading the data the coordinator shipped", e);
            }
        });
    }

    private static TrialResult noOp(double epochs, ProgressReporter reporter) {
        EpochMetrics metrics = new EpochMetrics(epochs, 0, 0.5, 0.5, OptionalDouble.empty(), 0, 0, 0);
        reporter.onEpoch(metrics);
        return TrialResult.completed(List.of(metrics), epochs, 0);
    }
}
