package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.cluster.StandaloneCluster;
import io.autocnn.coordinator.cluster.StandaloneClusterOptions;
import io.autocnn.coordinator.dispatch.ClusterSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code autocnn cluster}: a Spark standalone Master and Workers from this project's own jars, in the foreground
 * until Ctrl-C. Searches run on it with {@code autocnn search --master spark://…}.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Start a Spark standalone cluster (master + workers) from the project's jars; Ctrl-C stops it.")
final class ClusterCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Option(names = "--workers", defaultValue = "2", description = "Workers to start. Default: ${DEFAULT-VALUE}.")
    int workers;

    @Option(names = "--cores-per-worker", defaultValue = "1", description = "Default: ${DEFAULT-VALUE}.")
    int coresPerWorker;

    @Option(names = "--memory-per-worker", defaultValue = "2g", description = "Default: ${DEFAULT-VALUE}.")
    String memoryPerWorker;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address master and workers bind. They authenticate every application with the cluster's "
                    + "secret, and encrypt their traffic when bound beyond loopback. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "7077", description = "The master's port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--worker-port", defaultValue = "0", paramLabel = "PORT",
            description = "The first worker's port (the master reaches it there), the next worker's one above; 0 for "
                    + "free ports. Default: ${DEFAULT-VALUE}.")
    int workerPort;

    @Option(names = "--join", paramLabel = "spark://HOST:PORT",
            description = "Start only workers, joining this master (on another machine, started with --workers 0).")
    String join;

    @Option(names = "--dir", defaultValue = "runs/cluster",
            description = "Logs and worker directories. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--secret-file", paramLabel = "FILE",
            description = "The cluster's shared secret: read when the file exists (joining a master started with it), "
                    + "else generated and written there, readable by its owner only. Default: <dir>/spark-secret.")
    Path secretFile;

    /** Placeholders of the printed join command, for the joining machine's own values. */
    static final String ADDRESS = "ADDRESS";
    static final String SECRET_COPY = "SECRET_COPY";

    /** The command that starts a worker on another machine and joins it to {@code masterUrl}'s cluster. */
    static String joinCommand(String masterUrl) {
        return "bin/autocnn cluster --join " + masterUrl + " --workers 1 --host " + ADDRESS + " --secret-file "
                + SECRET_COPY;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter console = command.commandLine().getOut();
        Path secretPath = secretFile != null ? secretFile : Files.createDirectories(dir).resolve("spark-secret");
        ClusterSecret secret;
        if (Files.exists(secretPath)) {
            secret = ClusterSecret.read(secretPath);
        } else if (join != null) {
            throw new IllegalArgumentException("joining " + join + " needs its secret: copy the master's --secret-file "
                    + "here and name it with --secret-file");
        } else {
            secret = ClusterSecret.generate();
            secret.writeTo(secretPath);
        }
        StandaloneClusterOptions options = new StandaloneClusterOptions(Files.createDirectories(dir), host, port,
                workers, coresPerWorker, memoryPerWorker, Duration.ofSeconds(60), Optional.ofNullable(join), secret,
                List.of(), workerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        try (StandaloneCluster cluster = StandaloneCluster.start(options)) {
            console.printf("master    %s%s (%d worker(s) here, %d core(s) and %s each)%n", cluster.masterUrl(),
                    join == null ? "" : " (joined)", workers, coresPerWorker, memoryPerWorker);
            console.printf("logs      %s%n", dir.toAbsolutePath());
            console.printf("secret    %s (applications without it are refused)%n", secretPath.toAbsolutePath());
            console.printf("use it    bin/autocnn search SPACE --master %s --spark-secret-file %s --concurrency %d "
                    + "--threads-per-trial %d%n", cluster.masterUrl(), secretPath.toAbsolutePath(), workers,
                    coresPerWorker);
            if (join == null) {
                console.printf("join it   %s%n", joinCommand(cluster.masterUrl()));
                console.printf("          on another machine with this build: %s is that machine's address, %s a copy "
                        + "of %s; the master must bind an address it can reach (--host)%n", ADDRESS, SECRET_COPY,
                        secretPath.toAbsolutePath());
            }
            console.println("Ctrl-C stops the cluster.");
            console.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cluster.close();
                stopped.countDown();
            }));
            stopped.await();
        }
        return 0;
    }
}
