package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialRow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where a downloaded model came from, so it can be re-run: the experiment's full definition (space, data, seed,
 * sampler, scheduler, budgets), the trial's specification and results, and the library versions it was trained with.
 */
final class Provenance {

    private static final Properties VERSIONS = versions();

    private Provenance() {
    }

    static ObjectNode of(ExperimentRecord experiment, TrialRow trial) {
        ObjectNode node = ApiViews.trial(trial);
        node.put("experiment", experiment.id());
        node.put("experimentName", experiment.name());
        node.set("definition", ApiViews.definition(experiment));
        ObjectNode libraries = node.putObject("libraries");
        VERSIONS.stringPropertyNames().stream().sorted().forEach(name -> libraries.put(name,
                VERSIONS.getProperty(name)));
        libraries.put("java", System.getProperty("java.version"));
        return node;
    }

    private static Properties versions() {
        Properties properties = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
