package io.autocnn.coordinator.dispatch;

import io.autocnn.space.trial.TrialKey;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.jdk.javaapi.CollectionConverters;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every task attempt a Spark application starts and ends, as its own listener bus reports them (cluster tests). */
final class SparkTaskLog extends SparkListener {

    final List<String> startedOnExecutors = new CopyOnWriteArrayList<>();
    final List<String> startedOnHosts = new CopyOnWriteArrayList<>();
    final List<Integer> startedAttempts = new CopyOnWriteArrayList<>();
    final List<String> endReasons = new CopyOnWriteArrayList<>();
    /** The hosts each job's task attempts started on, by the job's description (one job per trial run). */
    private final Map<String, List<String>> hostsByJob = new ConcurrentHashMap<>();
    private final Map<Integer, String> jobByStage = new ConcurrentHashMap<>();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String description = start.properties().getProperty("spark.job.description", "");
        for (Object stage : CollectionConverters.asJava(start.stageIds())) {
            jobByStage.put((Integer) stage, description);
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        // The listener bus delivers a job's start before its tasks'.
        hostsByJob.computeIfAbsent(jobByStage.getOrDefault(start.stageId(), ""), job -> new CopyOnWriteArrayList<>())
                .add(start.taskInfo().host());
        startedOnExecutors.add(start.taskInfo().executorId());
        startedOnHosts.add(start.taskInfo().host());
        startedAttempts.add(start.taskInfo().attemptNumber());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        endReasons.add(end.reason().toString());
    }

    /** The hosts the task attempts of trial {@code key}'s runs started on, in order; empty if none started. */
    List<String> hostsOf(TrialKey key) {
        return hostsByJob.getOrDefault(SparkDispatcher.jobDescription(key), List.of());
    }

    void clear() {
        startedOnExecutors.clear();
        startedOnHosts.clear();
        startedAttempts.clear();
        endReasons.clear();
        hostsByJob.clear();
    }
}
