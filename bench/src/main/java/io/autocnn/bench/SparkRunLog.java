package io.autocnn.bench;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.jdk.javaapi.CollectionConverters;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Every trial run as Spark saw it (its job and its one task), from the application's listener bus. */
final class SparkRunLog extends SparkListener {

    /**
     * One run's job and task: event times on the driver's clock; the task's own run time, and the time it took to
     * deserialize the task and to serialize its result, on its executor.
     */
    record Entry(int trialIndex, String executorId, String host, long jobStartMillis, long launchMillis,
                 long finishMillis, long executorRunMillis, long deserializeMillis, long resultSerializationMillis) {
    }

    /** The trial a job belongs to, as the dispatcher names its job groups. */
    private static final Pattern TRIAL = Pattern.compile("-trial-([0-9]+)-run-");

    private final Map<Integer, Long> jobStartByStage = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> trialByStage = new ConcurrentHashMap<>();
    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        Matcher trial = TRIAL.matcher(String.valueOf(start.properties().getProperty("spark.jobGroup.id")));
        if (trial.find()) {
            for (Object stage : CollectionConverters.asJava(start.stageIds())) {
                jobStartByStage.put((Integer) stage, start.time());
                trialByStage.put((Integer) stage, Integer.parseInt(trial.group(1)));
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        Integer trial = trialByStage.get(end.stageId());
        if (trial != null && end.taskMetrics() != null) {
            entries.add(new Entry(trial, end.taskInfo().executorId(), end.taskInfo().host(),
                    jobStartByStage.get(end.stageId()), end.taskInfo().launchTime(), end.taskInfo().finishTime(),
                    end.taskMetrics().executorRunTime(), end.taskMetrics().executorDeserializeTime(),
                    end.taskMetrics().resultSerializationTime()));
        }
    }

    /** Each trial's runs in the order their jobs started. */
    Map<Integer, List<Entry>> byTrial() {
        return entries.stream().sorted(Comparator.comparingLong(Entry::jobStartMillis))
                .collect(Collectors.groupingBy(Entry::trialIndex));
    }

    void clear() {
        entries.clear();
    }
}
