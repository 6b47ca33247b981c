package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.dispatch.BeforeSparkStops;
import io.autocnn.coordinator.service.AccessTokens;
import io.autocnn.coordinator.service.CoordinatorService;
import io.autocnn.coordinator.service.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code autocnn serve}: the coordinator service (HTTP API, store, embedded Spark or a cluster) in the foreground
 * until Ctrl-C. Experiments that were running when it last stopped, even by SIGKILL, are resumed.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the coordinator service: REST API, store, Spark dispatch. Ctrl-C stops it.")
final class ServeCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind. Anything but loopback needs --token-file. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (0: a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--max-experiments", paramLabel = "N",
            description = "Experiments that may run at once; one more is answered 429. Default: "
                    + ServiceOptions.DEFAULT_MAX_RUNNING_EXPERIMENTS + ".")
    Integer maxExperiments;

    @Option(names = "--data-dir", defaultValue = "autocnn-data",
            description = "Store, checkpoints and models. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--dataset-root", paramLabel = "DIR",
            description = "The only folder request dataset paths may point into. Default: <data-dir>/datasets.")
    Path datasetRoot;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the access token (at least 16 characters): every call but the page's files, "
                    + "/health and /openapi.yaml must then carry it as 'Authorization: Bearer <token>'.")
    Path tokenFile;

    @Option(names = "--read-token-file", paramLabel = "FILE",
            description = "File holding a second token that allows reads only (GET, HEAD, the leaderboard); needs "
                    + "--token-file.")
    Path readTokenFile;

    @Option(names = "--allowed-host", paramLabel = "HOST[:PORT]",
            description = "Also accept this Host header (e.g. a DNS name in front of the service).")
    List<String> allowedHosts = List.of();

    @Mixin
    SparkCliOptions cluster = new SparkCliOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter console = command.commandLine().getOut();
        Path data = Files.createDirectories(dataDir).toAbsolutePath();
        Path datasets = datasetRoot != null ? datasetRoot : data.resolve("datasets");
        ServiceOptions options = new ServiceOptions(host, port, data, datasets, access(), allowedHosts, 1 << 20,
                maxExperiments == null ? ServiceOptions.DEFAULT_MAX_RUNNING_EXPERIMENTS : maxExperiments);
        CountDownLatch stopped = new CountDownLatch(1);
        CoordinatorService service = CoordinatorService.start(options, cluster.options());
        // Made once the directory is this process's: a refused start changes nothing in it.
        Files.createDirectories(datasets);
        // Ctrl-C and kill run shutdown hooks only: this one closes the service (interrupting its experiments so they
        // resume at the next start) before Spark's own hook stops the Spark context under the running trials.
        BeforeSparkStops.run(() -> {
            service.close();
            stopped.countDown();
        });
        console.printf("serving   http://%s:%d/ (live leaderboard; API under /api/v1, OpenAPI at /openapi.yaml)%n",
                host, service.port());
        console.printf("data      %s%n", data);
        if (options.access().required()) {
            console.println("access    every call but the page's files, /health and /openapi.yaml needs the token; "
                    + "the page asks for it once per browser session");
        }
        console.println("Ctrl-C stops the service; running experiments resume at the next start.");
        console.flush();
        stopped.await();
        return 0;
    }

    private AccessTokens access() throws IOException {
        return new AccessTokens(TokenFile.read(tokenFile, "--token-file"),
                TokenFile.read(readTokenFile, "--read-token-file"));
    }
}
