package io.autocnn.workers.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One network trained on several cores by data parallelism: each step splits the batch into one part per replica,
 * the replicas fit their parts side by side (each on its own thread, one native thread each), and then every
 * replica takes the average of their weights and optimizer states, weighted by part size. With plain SGD that is
 * exactly one step on the whole batch; with Adam it is close to it. The network keeps its batch size, steps and
 * learning-rate curve, so a run trains as the search measured the specification, on more of the machine.
 *
 * <p>Why not more native threads for one network: on small tensors one OpenMP thread was as fast as two for the
 * search's deeper CNNs, while two networks side by side ran 1.8x (bench/results/trainer-vs-pytorch.md).
 *
 * <p>The first replica is the network itself and fits on the caller's thread, so the caller can measure and save
 * it between steps; each other replica keeps one thread of its own for its whole life (DL4J's workspaces are per
 * thread).
 */
final class DataParallelFit implements AutoCloseable {

    private final ComputationGraph network;
    private final List<ComputationGraph> others;
    private final List<ExecutorService> threads;

    private DataParallelFit(ComputationGraph network, List<ComputationGraph> others, List<ExecutorService> threads) {
        this.network = network;
        this.others = others;
        this.threads = threads;
    }

    /**
     * Trains {@code network} on {@code replicas} replicas (1: the network alone, as {@code fit} would). Call after
     * anything that changes the network's settings (its learning-rate curve): replicas are copies made here.
     */
    static DataParallelFit of(ComputationGraph network, int replicas, long seed) {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1, got " + replicas);
        }
        List<ComputationGraph> others = new ArrayList<>();
        List<ExecutorService> threads = new ArrayList<>();
        if (replicas == 1) {
            return new DataParallelFit(network, others, threads);
        }
        INDArray state = network.getUpdater().getStateViewArray();
        for (int r = 1; r < replicas; r++) {
            ComputationGraph copy = network.clone();
            if (state != null) {
                copy.getUpdater().getStateViewArray().assign(state);
            }
            copy.getConfiguration().setIterationCount(network.getConfiguration().getIterationCount());
            copy.getConfiguration().setEpochCount(network.getConfiguration().getEpochCount());
            others.add(copy);
            String name = "autocnn-replica-" + r;
            // One task at a time per replica: a bounded queue of one step's work.
            ExecutorService thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                    task -> {
                        Thread daemon = new Thread(task, name);
                        daemon.setDaemon(true);
                        return daemon;
                    });
            // ND4J's random generator is the thread's own: each replica's dropout is seeded, and differs.
            long replicaSeed = seed + r;
            thread.execute(() -> Nd4j.getRandom().setSeed(replicaSeed));
            threads.add(thread);
        }
        return new DataParallelFit(network, List.copyOf(others), List.copyOf(threads));
    }

    ComputationGraph network() {
        return network;
    }

    int replicas() {
        return others.size() + 1;
    }

    /** One step on {@code batch}; returns its loss (the parts' losses weighted by their sizes). */
    double fit(DataSet batch) {
        int rows = (int) batch.getFeatures().size(0);
        int parts = Math.min(replicas(), rows);
        if (parts == 1) {
            network.fit(batch);
            synchronise(List.of(network), new double[] {1});
            return network.score();
        }
        List<Future<Double>> running = new ArrayList<>();
        double[] weights = new double[parts];
        DataSet first = null;
        for (int p = 0; p < parts; p++) {
            long from = (long) rows * p / parts;
            long to = (long) rows * (p + 1) / parts;
            weights[p] = (to - from) / (double) rows;
            DataSet part = new DataSet(batch.getFeatures().get(NDArrayIndex.interval(from, to)).dup(),
                    batch.getLabels().get(NDArrayIndex.interval(from, to)).dup());
            if (p == 0) {
                first = part;
            } else {
                ComputationGraph replica = others.get(p - 1);
                running.add(threads.get(p - 1).submit(() -> {
                    replica.fit(part);
                    return replica.score();
                }));
            }
        }
        double loss;
        try {
            network.fit(first);
            loss = weights[0] * network.score();
            for (int p = 1; p < parts; p++) {
                loss += weights[p] * running.get(p - 1).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a replica's step failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the replicas trained", e);
        } finally {
            running.forEach(step -> step.cancel(true));
        }
        List<ComputationGraph> fitted = new ArrayList<>();
        fitted.add(network);
        fitted.addAll(others.subList(0, parts - 1));
        synchronise(fitted, weights);
        return loss;
    }

    /**
     * Sets the network's weights and optimizer state to the weighted average of {@code fitted}'s, and every
     * replica's (with its step count, which the learning-rate curve follows) to the network's.
     */
    private void synchronise(List<ComputationGraph> fitted, double[] weights) {
        if (others.isEmpty()) {
            return;
        }
        average(fitted.stream().map(ComputationGraph::params).toList(), weights);
        INDArray state = network.getUpdater().getStateViewArray();
        if (state != null) {
            average(fitted.stream().map(replica -> replica.getUpdater().getStateViewArray()).toList(), weights);
        }
        for (ComputationGraph replica : others) {
            replica.params().assign(network.params());
            if (state != null) {
                replica.getUpdater().getStateViewArray().assign(state);
            }
            replica.getConfiguration().setIterationCount(network.getConfiguration().getIterationCount());
        }
    }

    /** The first of {@code views} becomes the weighted average of them all. */
    private static void average(List<INDArray> views, double[] weights) {
        INDArray sum = views.get(0);
        sum.muli(weights[0]);
        for (int i = 1; i < views.size(); i++) {
            sum.addi(views.get(i).mul(weights[i]));
        }
    }

    @Override
    public void close() {
        threads.forEach(ExecutorService::shutdownNow);
    }
}
