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
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two warmed-up trials side by side, in one JVM and in two, against one alone: tells what a JVM's shared parts cost
 * two trials (its allocator, JavaCPP's bookkeeping of native memory, its garbage collector and JIT threads) from what
 * any two trials on this machine cost each other. Each JVM first trains half as long (JIT, native libraries, data
 * read), so only warm runs are timed; in two JVMs the driver starts both at one signal, after both have warmed up. A
 * run is a sweep trial's task without Spark: training, then the validation set and the test set measured. Ratio: 2 ×
 * (seconds alone) / (seconds of the two together), for the training alone and for the whole run; 2.00x when two do
 * not slow each other; bench/results/machine-ceiling.md has what the machine itself allows. Run with
 * {@code OMP_NUM_THREADS=1}, as a sweep's one-core workers train. Writes bench/results/side-by-side-training.md, or
 * the file named by the system property {@code autocnn.bench.out}.
 *
 * <p>Arguments: models (comma-separated, default {@code lenet5,deeper}), training images (default 6,000), epochs
 * (default 1), rounds (default 3), test images (default 10,000). JVM flags (a variant to compare, such as
 * {@code -XX:ActiveProcessorCount=1}) come from how the driver was started: its child JVMs get the same ones.
 */
public final class SideBySideTraining {

    private static final String READY = "READY";
    private static final String GO = "GO";
    private static final String RESULT = "RESULT ";
    /** How long a child JVM may take to warm up, to train, or to exit after its result before the benchmark quits. */
    private static final long CHILD_LIMIT_MINUTES = 20;

    private SideBySideTraining() {
    }

    /** What one trial, or the slower of two run together, took: its training and its whole run. */
    private record Seconds(double training, double whole) {

        Seconds slower(Seconds other) {
            return new Seconds(Math.max(training, other.training), Math.max(whole, other.whole));
        }

        String cells(Seconds together) {
            return String.format(Locale.ROOT, "%.2f / %.2f | %.2f / %.2f | %.2fx | %.2fx", training, whole,
                    together.training, together.whole, 2 * training / together.training, 2 * whole / together.whole);
        }
    }

    /** What every run trains and measures. */
    private record Workload(String model, int images, double epochs, int testImages) {

        List<String> arguments() {
            return List.of(model, Integer.toString(images), Double.toString(epochs), Integer.toString(testImages));
        }

        static Workload of(List<String> arguments) {
            return new Workload(arguments.get(0), Integer.parseInt(arguments.get(1)),
                    Double.parseDouble(arguments.get(2)), Integer.parseInt(arguments.get(3)));
        }
    }

    public static void main(String[] args) throws Exception {
        if (!"1".equals(System.getenv("OMP_NUM_THREADS"))) {
            // Else one training alone would already use both cores, and the ratio would mean nothing.
            throw new IllegalStateException("run with OMP_NUM_THREADS=1");
        }
        if (args.length > 0 && args[0].equals("child")) {
            child(Workload.of(List.of(args).subList(1, args.length)));
            return;
        }
        List<String> models = List.of((args.length > 0 ? args[0] : "lenet5,deeper").split(","));
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 6_000;
        double epochs = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int testImages = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        List<String> rows = new ArrayList<>();
        for (String model : models) {
            Workload workload = new Workload(model, images, epochs, testImages);
            Trainer inThisJvm = new Trainer(workload);
            for (int round = 1; round <= rounds; round++) {
                Seconds aloneHere = inThisJvm.runSideBySide(1);
                Seconds togetherHere = inThisJvm.runSideBySide(2);
                Seconds aloneApart = inChildJvms(1, workload);
                Seconds togetherApart = inChildJvms(2, workload);
                String row = "| " + model + " | " + round + " | " + aloneHere.cells(togetherHere) + " | "
                        + aloneApart.cells(togetherApart) + " |";
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

        Trainer(Workload workload) throws Exception {
            TrialSpec base = TrainingThroughput.model(workload.model());
            this.spec = base.withTraining(base.training().withEpochs(workload.epochs()));
            this.data = BenchData.fashionMnist(workload.images() + 2_000, 2_000.0 / (workload.images() + 2_000),
                    workload.testImages());
            this.epochs = workload.epochs();
            // JIT compilation, native libraries and first allocations, not measured.
            run(1, epochs / 2);
        }

        /** The slowest of {@code copies} runs started together. */
        Seconds runSideBySide(int copies) throws Exception {
            return run(copies, epochs);
        }

        private Seconds run(int copies, double runEpochs) throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(copies);
            try {
                List<Future<Seconds>> runs = new ArrayList<>();
                for (int copy = 0; copy < copies; copy++) {
                    TrialSpec seeded = TrainingThroughput.seededCopy(spec, copy);
                    runs.add(threads.submit(() -> {
                        long start = System.nanoTime();
                        TrialResult result = runner.run(seeded, data, TrialRun.epochs(runEpochs), TrialListener.NONE);
                        double whole = (System.nanoTime() - start) / 1e9;
                        if (result.epochs().isEmpty()) {
                            throw new IllegalStateException("training failed: " + result.message());
                        }
                        return new Seconds(TrainingThroughput.trainingSeconds(result), whole);
                    }));
                }
                Seconds slowest = new Seconds(0, 0);
                for (Future<Seconds> run : runs) {
                    slowest = slowest.slower(run.get());
                }
                return slowest;
            } finally {
                threads.shutdownNow();
            }
        }
    }

    /** A child JVM: warms up, says so, waits for the signal, runs once and prints its seconds. */
    private static void child(Workload workload) throws Exception {
        Trainer trainer = new Trainer(workload);
        System.out.println(READY);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (!GO.equals(in.readLine())) {
            throw new IllegalStateException("expected " + GO + " from the driver");
        }
        Seconds seconds = trainer.runSideBySide(1);
        System.out.println(RESULT + seconds.training() + " " + seconds.whole());
        System.out.flush();
    }

    /** The slowest of {@code count} child JVMs' runs, started together once all have warmed up. */
    private static Seconds inChildJvms(int count, Workload workload) throws Exception {
        List<Process> children = new ArrayList<>();
        List<ChildOutput> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Process child = new ProcessBuilder(childCommand(workload))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                children.add(child);
                outputs.add(new ChildOutput(child));
            }
            for (ChildOutput output : outputs) {
                output.await(READY);
            }
            for (Process child : children) {
                Writer signal = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
                signal.write(GO + "\n");
                signal.flush();
            }
            Seconds slowest = new Seconds(0, 0);
            for (ChildOutput output : outputs) {
                String[] seconds = output.await(RESULT).substring(RESULT.length()).split(" ");
                slowest = slowest.slower(new Seconds(Double.parseDouble(seconds[0]), Double.parseDouble(seconds[1])));
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
    private static List<String> childCommand(Workload workload) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SideBySideTraining.class.getName(),
                "child"));
        command.addAll(workload.arguments());
        return command;
    }

    /**
     * A child JVM's standard output, read to its end on a thread of its own, so no child stalls on a full pipe while
     * the driver waits for another; its logging is dropped and the protocol's lines ({@link #READY}, {@link #RESULT})
     * are kept in order.
     */
    private static final class ChildOutput {
        private static final String ENDED = "";
        private final BlockingQueue<String> protocolLines = new ArrayBlockingQueue<>(4);

        ChildOutput(Process child) {
            Thread reader = new Thread(() -> {
                try (BufferedReader output = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = output.readLine(); line != null; line = output.readLine()) {
                        if (line.startsWith(READY) || line.startsWith(RESULT)) {
                            protocolLines.put(line);
                        }
                    }
                } catch (IOException | InterruptedException ended) {
                    // the child was destroyed: its end is reported below
                } finally {
                    protocolLines.offer(ENDED);
                }
            }, "side-by-side-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** The child's next protocol line, which must start with {@code prefix}. */
        String await(String prefix) throws InterruptedException {
            String line = protocolLines.poll(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES);
            if (line == null || !line.startsWith(prefix)) {
                throw new IllegalStateException("a child JVM " + (line == null ? "printed nothing for "
                        + CHILD_LIMIT_MINUTES + " minutes" : "ended") + " before printing " + prefix.trim());
            }
            return line;
        }
    }

    private static void write(String arguments, List<String> rows) throws IOException {
        Path out = Path.of(System.getProperty("autocnn.bench.out", "bench/results/side-by-side-training.md"));
        List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(flag -> flag.startsWith("-XX:") && !flag.equals("-XX:+IgnoreUnrecognizedVMOptions")).toList();
        List<String> lines = new ArrayList<>(List.of("# Two warmed-up trials side by side, in one JVM and in two", "",
                LocalDate.now() + ": `SideBySideTraining " + arguments + "`, OMP_NUM_THREADS=1, "
                        + "cores the JVM sees: " + Runtime.getRuntime().availableProcessors() + ", JVM options "
                        + (flags.isEmpty() ? "as bench/lib.sh sets them" : "of bench/lib.sh and " + flags) + ". "
                        + "Seconds of one run alone and of the slower of two started together (training / the whole "
                        + "run: training, then the validation and test sets measured), each JVM warmed up first by "
                        + "training half as long; ratio: 2 × (alone) / (together), 2.00x when the two do not slow "
                        + "each other.", "",
                "| model | round | one JVM: alone (s) | one JVM: two (s) | training ratio | whole-run ratio "
                        + "| two JVMs: alone (s) | two JVMs: two (s) | training ratio | whole-run ratio |",
                "|---|---|---|---|---|---|---|---|---|---|"));
        lines.addAll(rows);
        ResultsFile.write(out, lines);
    }
}
