package io.autocnn.coordinator.dispatch;

import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.DatasetSplitFile;
import io.autocnn.workers.dispatch.EpochReport;
import io.autocnn.workers.dispatch.ResumeModel;
import io.autocnn.workers.dispatch.RunTrialOnExecutor;
import io.autocnn.workers.dispatch.TrialAssignment;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.dispatch.TrialOutcome;
import io.autocnn.workers.files.AtomicFiles;
import io.autocnn.workers.files.DirectoryTrees;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrialListener;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Runs each trial as one Spark job of one task, submitted asynchronously so that up to
 * {@link SparkOptions#maxConcurrentTrials()} train at once (in the FAIR pool {@value #POOL}). One Spark context
 * serves every experiment of the process: {@link #forData} gives each its own {@link Dispatcher}. Tasks read the data
 * themselves from the {@link DataRecipe}, post every epoch to the {@link ReportEndpoint} while they train, and send
 * the model zip back with the result, which is written to the trial's checkpoint path here.
 *
 * <p>Faults: the trial's own errors come back as FAILED results and are not retried; a lost executor or worker makes
 * Spark run the task again (up to {@link SparkOptions#maxAttempts()}), as the next attempt of the same run, whose
 * repeated epoch reports the {@link RunChannel} drops. {@link #cancel} kills the run's job group.
 */
public final class SparkDispatcher implements DispatcherFactory, AutoCloseable {

    static final String POOL = "trials";
    /**
     * Runs in flight at once in this process, each with a thread waiting for its Spark job: bounded, so no number of
     * experiments can make the process start unbounded threads (16 experiments of 64 concurrent trials fit).
     */
    static final int MAX_RUNS_IN_FLIGHT = 1_024;

    private final SparkOptions options;
    private final JavaSparkContext spark;
    private final ReportEndpoint endpoint;
    private final ExecutorService waiters;
    private final AtomicLong runIds = new AtomicLong();
    private final Semaphore inFlight = new Semaphore(MAX_RUNS_IN_FLIGHT);
    /** The runs in flight by run id; the report endpoint routes reports through it. */
    private final Map<Long, RunChannel> channels;
    /** On a cluster, the file each recipe's data was shipped in (added to the Spark context once), by recipe. */
    private final Map<DataRecipe, String> shipped = new ConcurrentHashMap<>();
    private final Path shippingDirectory;

    private SparkDispatcher(SparkOptions options, JavaSparkContext spark, ReportEndpoint endpoint,
                            Map<Long, RunChannel> channels) {
        this.options = options;
        this.spark = spark;
        this.endpoint = endpoint;
        this.channels = channels;
        try {
            this.shippingDirectory = Files.createTempDirectory("autocnn-shipped-data-");
        } catch (IOException e) {
            throw new UncheckedIOException("making the folder for data shipped to executors", e);
        }
        this.waiters = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "spark-trial-waiter");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the Spark context (waiting, on a cluster, for a first executor), so that a misconfigured master fails
     * here with a clear message rather than leaving trials waiting forever, and the report endpoint: on a cluster it
     * takes reports from the application's executors only; the embedded executors are this process, on the address
     * the endpoint binds.
     */
    public static SparkDispatcher start(SparkOptions options) {
        Map<Long, RunChannel> channels = new ConcurrentHashMap<>();
        JavaSparkContext spark = SparkContexts.start(options);
        try {
            Predicate<String> executors = options.isCluster() ? ExecutorAddresses.of(spark)::contains : peer -> true;
            ReportEndpoint endpoint = ReportEndpoint.start(options.driverHost(), options.reportPort(), executors,
                    report -> {
                        RunChannel channel = channels.get(report.runId());
                        // A run that ended or is unknown: tell a straggling task to stop.
                        return channel == null || channel.accept(report);
                    });
            return new SparkDispatcher(options, spark, endpoint, channels);
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
    }

    /**
     * A dispatcher for trials that train on {@code data}: tasks prepare it on their executor (once per executor JVM)
     * from the file this process ships with the job on a cluster ({@link #shippedDataOf}), else from the recipe's
     * path.
     */
    public Dispatcher forData(DataRecipe data, RunnerOptions runnerOptions, TrialBody body) {
        return forData(data, runnerOptions, body, options.maxConcurrentTrials());
    }

    /** As {@link #forData(DataRecipe, RunnerOptions, TrialBody)}, with this many trials of it at a time. */
    @Override
    public Dispatcher forData(DataRecipe data, RunnerOptions runnerOptions, TrialBody body, int slots) {
        return new Dispatcher() {
            @Override
            public int slots() {
                return slots;
            }

            @Override
            public CompletableFuture<TrialResult> submit(TrialTask task, TrialListener listener) {
                return SparkDispatcher.this.submit(task, listener, data, runnerOptions, body);
            }

            @Override
            public void cancel(TrialKey key) {
                SparkDispatcher.this.cancel(key);
            }

            @Override
            public void close() {
                // The Spark context outlives one experiment; SparkDispatcher.close() ends it.
            }
        };
    }

    private synchronized CompletableFuture<TrialResult> submit(TrialTask task, TrialListener listener,
                                                               DataRecipe data, RunnerOptions runnerOptions,
                                                               TrialBody body) {
        if (!inFlight.tryAcquire()) {
            // Refused before anything reaches Spark: the search records an infrastructure failure of this run.
            throw new IllegalStateException(MAX_RUNS_IN_FLIGHT + " trial runs are in flight in this process, the "
                    + "most it waits for at once");
        }
        try {
            return submitHeld(task, listener, data, runnerOptions, body);
        } catch (RuntimeException e) {
            inFlight.release();
            throw e;
        }
    }

    /**
     * Starts the run; holds one of {@link #inFlight}'s permits, which the run's end releases. Preparing and submitting
     * its Spark job happens on the run's own waiting thread, not the caller's: the caller is a search loop holding
     * its search's lock, and a submission takes milliseconds (seconds for a cluster's first run of a recipe, which
     * writes the data file) that would hold up the search's live reports and results.
     */
    private CompletableFuture<TrialResult> submitHeld(TrialTask task, TrialListener listener, DataRecipe data,
                                                      RunnerOptions runnerOptions, TrialBody body) {
        RunChannel channel = new RunChannel(runIds.incrementAndGet(), task.key(), listener);
        CompletableFuture<TrialResult> result = new CompletableFuture<>();
        channels.put(channel.runId(), channel);
        try {
            waiters.execute(() -> {
                try {
                    run(task, channel, data, runnerOptions, body, result);
                } finally {
                    channels.remove(channel.runId());
                    inFlight.release();
                }
            });
        } catch (RuntimeException e) {
            channels.remove(channel.runId());
            throw e;
        }
        return result;
    }

    /** Submits the run's Spark job and waits for it, on the run's own thread; completes {@code result}. */
    private void run(TrialTask task, RunChannel channel, DataRecipe data, RunnerOptions runnerOptions, TrialBody body,
                     CompletableFuture<TrialResult> result) {
        ResumeModel resume = ResumeModel.none();
        try {
            if (channel.isCancelled()) {
                result.completeExceptionally(cancelled(task));
                return;
            }
            // A body that trains nothing writes no model and needs none to start from.
            Optional<Path> startingModel = !body.trains() ? Optional.empty()
                    : task.resume() ? Optional.of(task.checkpoint()) : task.inheritFrom();
            if (startingModel.isPresent()) {
                resume = ResumeModel.of(spark.broadcast(readModel(task, startingModel.get())));
            }
            TrialAssignment assignment = new TrialAssignment(channel.runId(), task.key(),
                    TrialSpecJson.write(task.spec()),
                    task.wallClockBudget().map(d -> Math.max(1, d.toMillis())).orElse(0L), resume, data,
                    runnerOptions, endpoint.url(), endpoint.token(), body, task.validationShare(),
                    task.inheritFrom().isPresent(), task.targetEpochs(), task.trainingShare(), shippedDataOf(data));
            // Job group and pool are thread-local properties that Spark reads when the job is submitted, just below.
            spark.setJobGroup(channel.jobGroup(), jobDescription(task.key()), true);
            spark.setLocalProperty("spark.scheduler.pool", POOL);
            JavaFutureAction<List<TrialOutcome>> job;
            try {
                job = spark.parallelize(List.of(assignment), 1).map(new RunTrialOnExecutor()).collectAsync();
            } finally {
                spark.clearJobGroup();
            }
            if (channel.isCancelled()) {
                // Cancelled while the job was being submitted: cancel() found no job of the group to kill.
                spark.cancelJobGroup(channel.jobGroup());
            }
            settle(task, channel, job, result);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        } finally {
            resume.release();
        }
    }

    private void cancel(TrialKey key) {
        for (RunChannel channel : channels.values()) {
            if (channel.key().equals(key)) {
                channel.cancel();
                spark.cancelJobGroup(channel.jobGroup());
            }
        }
    }

    /** The description of a run's Spark job, which Spark's UI and listeners show: "AutoCNN trial exp-abc/trial-3". */
    static String jobDescription(TrialKey key) {
        return "AutoCNN trial " + key;
    }

    /** The JDK 17 flags every JVM that runs Spark needs (for starting one, e.g. a service as a child process). */
    public static String jvmFlags() {
        return SparkContexts.jvmFlags();
    }

    /** The endpoint tasks report to (tests post to it as strangers). */
    ReportEndpoint reportEndpoint() {
        return endpoint;
    }

    /** The Spark context, for callers that inspect jobs and executors (tests, benchmarks). */
    public JavaSparkContext sparkContext() {
        return spark;
    }

    /**
     * On a cluster, the data of {@code recipe} as a file added to the Spark context (sampled and split here, once
     * per recipe, and fetched by each executor once through Spark's authenticated file server), so a worker needs
     * nothing but the jars; "" for the embedded master, whose tasks share this JVM's prepared copy, and when this
     * process cannot read the data itself (the workers then read their own copy at the recipe's path, and a worker
     * without one fails the trial naming the path).
     */
    private String shippedDataOf(DataRecipe recipe) {
        if (!options.isCluster()) {
            return "";
        }
        try {
            return shipped.computeIfAbsent(recipe, r -> {
                try {
                    Path file = DatasetSplitFile.write(r.split(r.open()), shippingDirectory);
                    spark.sc().addFile(file.toString());
                    return file.getFileName().toString();
                } catch (IOException e) {
                    throw new UncheckedIOException("writing the data to ship to the executors", e);
                }
            });
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(SparkDispatcher.class).warn("the data of {} is not shipped to the executors, "
                    + "which read their own copy: {}", recipe.dataset(), e.getMessage());
            return "";
        }
    }

    @Override
    public void close() {
        waiters.shutdownNow();
        try {
            spark.stop();
        } finally {
            endpoint.close();
            try {
                DirectoryTrees.delete(shippingDirectory);
            } catch (IOException e) {
                // a temporary folder: what is left of it is the system's to clear
            }
        }
    }

    private void settle(TrialTask task, RunChannel channel, JavaFutureAction<List<TrialOutcome>> job,
                        CompletableFuture<TrialResult> result) {
        try {
            TrialOutcome outcome = job.get().get(0);
            if (outcome.model().length > 0) {
                // A kill or a full disk mid-write must not leave a torn zip that /best-model or a promotion reads.
                AtomicFiles.write(task.checkpoint(), outcome.model());
            }
            TrialResult trial = outcome.result();
            channel.catchUp(trial.epochs());
            result.complete(trial);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(new CancellationException("the dispatcher was closed"));
        } catch (ExecutionException | RuntimeException e) {
            if (channel.isCancelled()) {
                result.completeExceptionally(cancelled(task));
            } else {
                Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                result.completeExceptionally(new IllegalStateException("Spark could not run trial "
                        + task.key() + ": " + cause.getMessage(), cause));
            }
        } catch (IOException e) {
            result.completeExceptionally(new UncheckedIOException("cannot write trial " + task.key()
                    + "'s model to " + task.checkpoint(), e));
        }
    }

    private static CancellationException cancelled(TrialTask task) {
        return new CancellationException("trial " + task.key() + " was cancelled");
    }

    private static byte[] readModel(TrialTask task, Path model) {
        try {
            return Files.readAllBytes(model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model trial " + task.key() + " starts from, " + model, e);
        }
    }
}
