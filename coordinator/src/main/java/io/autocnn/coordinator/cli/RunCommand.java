package io.autocnn.coordinator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.definition.SearchField;
import io.autocnn.coordinator.dispatch.BeforeSparkStops;
import io.autocnn.coordinator.service.CoordinatorService;
import io.autocnn.coordinator.service.ServiceClient;
import io.autocnn.coordinator.service.ServiceOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code autocnn run SPACE}: one experiment end to end through the service's API, either against a running service
 * ({@code --server URL}) or in a service started in this process for the run (its data stays in {@code --data-dir},
 * so a killed run resumes with {@code autocnn serve} on the same directory).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one experiment through the service API (in this process, or on --server) and rank it.")
final class RunCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPACE", description = "The search space file (YAML or JSON).")
    Path spaceFile;

    @Option(names = "--server", paramLabel = "URL", description = "A running service, e.g. http://127.0.0.1:8080.")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE", description = "The service's access token, if it has one.")
    Path tokenFile;

    @Option(names = "--data-dir", defaultValue = "autocnn-data",
            description = "Without --server: the store and checkpoints. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--name", description = "A label for the experiment. Default: the space's file name.")
    String name;

    @Mixin
    DatasetSample sample = new DatasetSample();

    @Option(names = "--dataset-path", descriptionKey = "dataset.path",
            description = "A folder under the service's dataset root; default: the dataset's own location.")
    String datasetPath;

    @Mixin
    SearchSettings search = new SearchSettings();

    @Mixin
    SparkCliOptions cluster = new SparkCliOptions();

    @Mixin
    FinalTrainingOption finalTrainingOption = new FinalTrainingOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter console = command.commandLine().getOut();
        // Checked here by the service's own rules, so a bad flag fails before anything starts.
        ObjectNode definition = CommandLineDefinition.json(name, spaceFile, sample, datasetPath, search,
                cluster.concurrency());
        // As for search: none unless asked; checked by the definition's own rule.
        ((ObjectNode) definition.get("budget")).put(SearchField.FINAL_TRAINING_SHARE.key(),
                finalTrainingOption.share(0));
        CommandLineDefinition.parse(definition);
        String request = definition.toString();
        Optional<String> token = TokenFile.read(tokenFile, "--token-file");
        if (server != null) {
            return follow(new ServiceClient(server, token), request, console);
        }
        Path data = Files.createDirectories(dataDir).toAbsolutePath();
        try (CoordinatorService service = CoordinatorService.start(ServiceOptions.loopback(data), cluster.options())) {
            // Ctrl-C or kill: the experiment is interrupted, not failed, and `autocnn serve --data-dir` resumes it.
            BeforeSparkStops onStop = BeforeSparkStops.run(service::close);
            try {
                return follow(new ServiceClient("http://127.0.0.1:" + service.port(), token), request, console);
            } finally {
                onStop.cancel();
            }
        }
    }

    /** Creates the experiment, prints its progress until it ends, then its ranking; exit 0 unless it failed. */
    private int follow(ServiceClient client, String request, PrintWriter console) throws Exception {
        JsonNode created = client.post("/api/v1/experiments", request);
        String id = created.get("id").asText();
        String path = "/api/v1/experiments/" + id;
        console.printf("experiment %s (%s)%n", id, created.get("name").asText());
        console.printf("watch it  %s/#/experiments/%s%n", client.base(), id);
        String lastLine = "";
        JsonNode experiment;
        do {
            Thread.sleep(1_000);
            experiment = client.get(path);
            String line = progressLine(experiment.get("progress"));
            if (!line.equals(lastLine)) {
                console.println(line);
                console.flush();
                lastLine = line;
            }
        } while (experiment.get("running").asBoolean() || experiment.get("status").asText().equals("running"));
        console.printf("%nexperiment %s %s: %s%n%n", id, experiment.get("status").asText(),
                experiment.get("reason").asText());
        console.println(" rank  trial  state       val error    params  epochs");
        int rank = 0;
        for (JsonNode trial : client.get(path + "/trials?limit=10").get("trials")) {
            rank++;
            console.printf(Locale.ROOT, "%5d  %5d  %-10s %9s  %8d  %6.2f%n", rank, trial.get("trial").asInt(),
                    trial.get("state").asText(), trial.get("validationError").isNull() ? "-"
                            : String.format(Locale.ROOT, "%.2f%%", 100 * trial.get("validationError").asDouble()),
                    trial.get("parameterCount").asLong(), trial.get("epochsTrained").asDouble());
        }
        return List.of("completed", "cancelled").contains(experiment.get("status").asText()) ? 0 : 1;
    }

    private static String progressLine(JsonNode progress) {
        return String.format(Locale.ROOT, "trials %d: %d running, %d paused, %d completed, %d pruned, %d failed%s",
                progress.get("trials").asInt(), progress.get("running").asInt(), progress.get("paused").asInt(),
                progress.get("completed").asInt(), progress.get("pruned").asInt(), progress.get("failed").asInt(),
                progress.get("bestValidationError").isNull() ? "" : String.format(Locale.ROOT, ", best %.2f%%",
                        100 * progress.get("bestValidationError").asDouble()));
    }
}
