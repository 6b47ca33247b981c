package io.autocnn.bench;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two warmed-up trainings side by side, in one JVM and in two, against one alone: tells what a JVM's shared parts
 * cost two trials (its allocator, JavaCPP's bookkeeping of native memory, its garbage collector) from what any two
 * trainings on this machine cost each other. Each JVM first trains half as long (JIT, native libraries, data read), so
 * only warm training is timed; in two JVMs the driver starts both trainings at one signal, after both have warmed up.
 * Ratio: 2 × (seconds alone) / (seconds of the two together), 2.00x when two trainings do not slow each other;
 * bench/results/machine-ceiling.md has what the machine itself allows. Run with {@code OMP_NUM_THREADS=1}, as a
 * sweep's one-core workers train. Writes bench/results/side-by-side-training.md.
 *
 * <p>Arguments: models (comma-separated, default {@code lenet5,deeper}), training images (default 6,000), epochs
 * (default 1), rounds (default 3). Extra JVM flags for both the driver and its child JVMs come from how the driver was
 * started (they inherit its flags and environment).
 */
public final class SideBySideTraining {

    private static final String READY = "READY";
    private static final String GO = "GO";
    private static final String RESULT = "RESULT ";
    /** How long a child JVM may take to warm up or to train before the benchmark gives up on it. */
    private static final long CHILD_LIMIT_MINUTES = 20;

    private SideBySideTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
            // Else one training alone would already use both cores, and the ratio would mean nothing.
            throw new IllegalStateException("run with OMP_NUM_THREADS=1");
        }
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]), Double.parseDouble(args[3]));
            return;
        }
        List<String> models = List.of((args.length > 0 ? args[0] : "lenet5,deeper").split(","));
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        double epochs = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        List<String> rows = new ArrayList<>();
        for (String model : models) {
            Trainer inThisJvm = new Trainer(model, images, epochs);
            for (int round = 1; round <= rounds; round++) {
                double aloneHere = inThisJvm.trainSideBySide(1);
                double togetherHere = inThisJvm.trainSideBySide(2);
                double aloneApart = inChildJvms(1, model, images, epochs);
                double togetherApart = inChildJvms(2, model, images, epochs);
                String row = String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2fx | %.2f | %.2f | %.2fx |",
                        model, round, aloneHere, togetherHere, 2 * aloneHere / togetherHere, aloneApart,
                        togetherApart, 2 * aloneApart / togetherApart);
                System.out.println(row);
                rows.add(row);
            }
        }
        write(String.join(" ", args), rows);
    }

    /** One network's training, warmed up in this JVM, that runs as many copies as asked on threads of their own. */
    private static final class Trainer {
        private final TrialRunner runner = new TrialRunner(RunnerOptions.defaults());
        private final TrialSpec spec;
        private final TrainingData data;
        private final double epochs;

        Trainer(String model, int images, double epochs) throws Exception {
            TrialSpec base = TrainingThroughput.model(model);
            this.spec = base.withTraining(base.training().withEpochs(epochs));
            this.data = BenchData.fashionMnist(images + 2_000, 2_000.0 / (images + 2_000));
            this.epochs = epochs;
            // JIT compilation, native libraries and first allocations, not measured.
            train(1, epochs / 2);
        }

        /** Seconds of training (evaluation excluded) of the slowest of {@code copies} trainings started together. */
        double trainSideBySide(int copies) throws Exception {
            return train(copies, epochs);
        }

        private double train(int copies, double runEpochs) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(copies);
            try {
                List<Future<TrialResult>> runs = new ArrayList<>();
                for (int copy = 0; copy < copies; copy++) {
                    TrialSpec seeded = spec.withTraining(spec.training().withSeed(spec.training().seed() + copy));
                    runs.add(threads.submit(() -> runner.run(seeded, data, TrialRun.epochs(runEpochs),
                            TrialListener.NONE)));
                }
                double slowest = 0;
                for (Future<TrialResult> run : runs) {
                    TrialResult result = run.get();
                    if (result.epochs().isEmpty()) {
                        throw new IllegalStateException("training failed: " + result.message());
                    }
                    slowest = Math.max(slowest, result.epochs().stream().mapToDouble(m -> m.epochSeconds()).sum());
                }
                return slowest;
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** A child JVM: warms up, says so, waits for the signal, trains once and prints its training seconds. */
    private static void child(String model, int images, double epochs) throws Exception {
        Trainer trainer = new Trainer(model, images, epochs);
        System.out.println(READY);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!GO.equals(in.readLine())) {
            throw new IllegalStateException("expected " + GO + " from the driver");
        }
        System.out.println(RESULT + trainer.trainSideBySide(1));
        System.out.flush();
    }

    /** Seconds of training of the slowest of {@code count} child JVMs, started together once all have warmed up. */
    private static double inChildJvms(int count, String model, int images, double epochs) throws Exception {
        List<Process> children = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Process child = new ProcessBuilder(childCommand(model, images, epochs))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                children.add(child);
                outputs.add(new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader output : outputs) {
                lineStartingWith(output, READY);
            }
            for (Process child : children) {
                Writer signal = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                signal.write(GO + "\n");
                signal.flush();
            }
            double slowest = 0;
            for (BufferedReader output : outputs) {
                slowest = Math.max(slowest, Double.parseDouble(lineStartingWith(output, RESULT)
                        .substring(RESULT.length())));
            }
            for (Process child : children) {
                if (!child.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES) || child.exitValue() != 0) {
                    throw new IllegalStateException("a child JVM did not end cleanly");
                }
            }
            return slowest;
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    /** This JVM's command line with the child's arguments: the same java, flags and classpath. */
    private static List<String> childCommand(String model, int images, double epochs) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SideBySideTraining.class.getName(),
                "child", model, Integer.toString(images), Double.toString(epochs)));
        return command;
    }

    /** The first line of {@code output} that starts with {@code prefix}; the lines before it (logging) skipped. */
    private static String lineStartingWith(BufferedReader output, String prefix) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("a child JVM ended without printing " + prefix.trim());
    }

    private static void write(String arguments, List<String> rows) throws IOException {
        Path out = Path.of("bench", "results", "side-by-side-training.md");
        Files.createDirectories(out.getParent());
        List<String> lines = new ArrayList<>(List.of("# Two warmed-up trainings side by side, in one JVM and in two", "",
                LocalDate.now() + ": `SideBySideTraining " + arguments + "` (bench/dispatch.sh runs it), "
                        + "OMP_NUM_THREADS=1, " + Runtime.getRuntime().availableProcessors() + " cores. Seconds of training (evaluation excluded) of one training alone and of the slower of two "
                        + "started together, each JVM warmed up first by training half as long; ratio: 2 × (alone) / "
                        + "(together), 2.00x when the two do not slow each other.", "",
                "| model | round | one JVM: alone (s) | one JVM: two (s) | one JVM ratio | two JVMs: alone (s) "
                        + "| two JVMs: two (s) | two JVMs ratio |",
                "|---|---|---|---|---|---|---|---|"));
        lines.addAll(rows);
        Files.write(out, lines);
    }
}
