package io.autocnn.coordinator.dispatch;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every task attempt a Spark application starts and ends, as its own listener bus reports them (cluster tests). */
final class SparkTaskLog extends SparkListener {

    final List<String> startedOnExecutors = new CopyOnWriteArrayList<>();
    final List<String> startedOnHosts = new CopyOnWriteArrayList<>();
    final List<Integer> startedAttempts = new CopyOnWriteArrayList<>();
    final List<String> endReasons = new CopyOnWriteArrayList<>();

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        startedOnExecutors.add(start.taskInfo().executorId());
        startedOnHosts.add(start.taskInfo().host());
        startedAttempts.add(start.taskInfo().attemptNumber());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        endReasons.add(end.reason().toString());
    }

    void clear() {
        startedOnExecutors.clear();
        startedOnHosts.clear();
        startedAttempts.clear();
        endReasons.clear();
    }
}
